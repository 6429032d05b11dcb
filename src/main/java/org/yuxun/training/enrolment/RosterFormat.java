package org.yuxun.training.enrolment;

import java.util.List;

/**
 * The columns of the roster file (学员名单), in the order of the template. Staff fill in the template downloaded
 * from the import page; the same columns, plus 错误原因, make the error file.
 */
final class RosterFormat {

    static final int NAME = 0;
    static final int DOCUMENT_TYPE = 1;
    static final int DOCUMENT_NUMBER = 2;
    static final int PHONE = 3;
    static final int PRIORITY_GROUP = 4;
    static final int EMPLOYER = 5;

    static final List<String> HEADERS = List.of("姓名", "证件类型", "证件号码", "手机号", "重点人群类别", "工作单位（选填）");

    /** Column keys for messages ({@code enrolment.import.column.*}). */
    static final List<String> KEYS = List.of("name", "documentType", "documentNumber", "phone", "priorityGroup",
            "employer");

    static final String ERROR_HEADER = "错误原因";

    /** The most data rows one file may hold; larger rosters are split into several files. */
    static final int MAX_ROWS = 200_000;

    /** The largest file accepted, as the upload limit of the application. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private RosterFormat() {
    }
}
