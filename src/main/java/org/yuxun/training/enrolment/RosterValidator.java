package org.yuxun.training.enrolment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yuxun.people.PersonName;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.PersonDocument;
import org.yuxun.shared.PhoneNumber;
import org.yuxun.shared.Text;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * Checks a roster file row by row, as {@link RosterReader} hands the rows over: required fields, the document
 * number (GB 11643 checksum and the rest of {@link PersonDocument}), the phone, the category; full-width
 * characters in codes and numbers are normalised first. {@link #finish} then refuses documents that appear more
 * than once in the file (every such row is named) and the rows beyond the places the class has left.
 */
final class RosterValidator implements RosterReader.RowSink {

    /** A row that passed. */
    record ValidRow(int row, Learners.Details details, EnrolmentPriorityGroup group, String employer,
                    String documentKey) {
    }

    /** One reason a row was refused. */
    record Problem(int row, String column, String code, String message, List<Object> args) {
    }

    /** The outcome over the whole file. */
    record Result(int rows, List<ValidRow> valid, List<Problem> problems) {

        int badRows() {
            return (int) problems.stream().mapToInt(Problem::row).distinct().count();
        }
    }

    private static final Map<String, DocumentType> TYPES = new HashMap<>();

    static {
        for (DocumentType type : DocumentType.values()) {
            TYPES.put(type.label(), type);
            TYPES.put(type.name(), type);
        }
        TYPES.put("身份证", DocumentType.RESIDENT_ID_CARD);
    }

    private final List<ValidRow> candidates = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int rows;

    @Override
    public void row(int rowNumber, String[] cells) {
        rows++;
        int before = problems.size();
        String rawName = cell(cells, RosterFormat.NAME);
        String name = null;
        if (rawName == null) {
            required(rowNumber, RosterFormat.NAME);
        } else {
            try {
                name = PersonName.of(rawName).value();
            } catch (InvalidValueException e) {
                problem(rowNumber, RosterFormat.NAME, e);
            }
        }
        String typeText = cell(cells, RosterFormat.DOCUMENT_TYPE);
        DocumentType type = typeText == null ? null : TYPES.get(Text.normalise(typeText));
        if (typeText == null) {
            required(rowNumber, RosterFormat.DOCUMENT_TYPE);
        } else if (type == null) {
            problems.add(new Problem(rowNumber, key(RosterFormat.DOCUMENT_TYPE), "enrolment.import.documentType",
                    "证件类型不在下拉列表中", List.of()));
        }
        String number = cell(cells, RosterFormat.DOCUMENT_NUMBER);
        PersonDocument document = null;
        if (number == null) {
            required(rowNumber, RosterFormat.DOCUMENT_NUMBER);
        } else if (type != null) {
            try {
                document = PersonDocument.of(type, number);
            } catch (InvalidValueException e) {
                problem(rowNumber, RosterFormat.DOCUMENT_NUMBER, e);
            }
        }
        String phoneText = cell(cells, RosterFormat.PHONE);
        String phone = null;
        if (phoneText == null) {
            required(rowNumber, RosterFormat.PHONE);
        } else {
            try {
                phone = PhoneNumber.of(phoneText).value();
            } catch (InvalidValueException e) {
                problem(rowNumber, RosterFormat.PHONE, e);
            }
        }
        String groupText = cell(cells, RosterFormat.PRIORITY_GROUP);
        Optional<EnrolmentPriorityGroup> group = groupText == null ? Optional.of(EnrolmentPriorityGroup.NONE)
                : EnrolmentPriorityGroup.fromLabel(Text.normalise(groupText));
        if (group.isEmpty()) {
            problems.add(new Problem(rowNumber, key(RosterFormat.PRIORITY_GROUP), "enrolment.import.priorityGroup",
                    "重点人群类别不在下拉列表中", List.of()));
        }
        String employer = Text.normalise(cell(cells, RosterFormat.EMPLOYER));
        if (employer != null && employer.length() > 100) {
            problems.add(new Problem(rowNumber, key(RosterFormat.EMPLOYER), "enrolment.import.employer",
                    "工作单位不能超过100个字", List.of(100)));
        }
        if (problems.size() == before) {
            candidates.add(new ValidRow(rowNumber,
                    new Learners.Details(name, document.type(), document.number(), phone), group.get(),
                    employer == null || employer.isEmpty() ? null : employer,
                    document.type().name() + ":" + document.number()));
        }
    }

    /**
     * Refuses duplicates within the file, then the rows {@code lookups} refuses (persons already in the class or
     * in a class at the same time), then the rows beyond {@code placesLeft}.
     *
     * @param placesLeft places the class has left
     */
    Result finish(int placesLeft, java.util.function.Function<List<ValidRow>, Map<Integer, Problem>> lookups) {
        Map<String, List<ValidRow>> byDocument = new HashMap<>();
        candidates.forEach(r -> byDocument.computeIfAbsent(r.documentKey(), k -> new ArrayList<>(1)).add(r));
        List<ValidRow> valid = new ArrayList<>(candidates.size());
        for (ValidRow row : candidates) {
            List<ValidRow> same = byDocument.get(row.documentKey());
            if (same.size() > 1) {
                String others = same.stream().filter(o -> o != row).map(o -> String.valueOf(o.row()))
                        .reduce((a, b) -> a + "、" + b).orElse("");
                problems.add(new Problem(row.row(), key(RosterFormat.DOCUMENT_NUMBER), "enrolment.import.duplicate",
                        "证件号码与第" + others + "行重复", List.of(others)));
            } else {
                valid.add(row);
            }
        }
        Map<Integer, Problem> refused = valid.isEmpty() ? Map.of() : lookups.apply(List.copyOf(valid));
        if (!refused.isEmpty()) {
            problems.addAll(refused.values());
            valid.removeIf(r -> refused.containsKey(r.row()));
        }
        List<ValidRow> accepted = new ArrayList<>(Math.min(valid.size(), Math.max(placesLeft, 0)));
        for (ValidRow row : valid) {
            if (accepted.size() < placesLeft) {
                accepted.add(row);
            } else {
                problems.add(new Problem(row.row(), null, "enrolment.import.overCapacity",
                        "超出班级剩余名额（剩余" + Math.max(placesLeft, 0) + "个）", List.of(Math.max(placesLeft, 0))));
            }
        }
        problems.sort(Comparator.comparingInt(Problem::row));
        return new Result(rows, accepted, List.copyOf(problems));
    }

    private void required(int row, int column) {
        problems.add(new Problem(row, key(column), "enrolment.import.required", "必填项未填写", List.of()));
    }

    private void problem(int row, int column, InvalidValueException e) {
        problems.add(new Problem(row, key(column), e.getCode(), e.getMessage(), Arrays.asList(e.getArgs())));
    }

    private static String key(int column) {
        return RosterFormat.KEYS.get(column);
    }

    private static String cell(String[] cells, int column) {
        String value = cells[column];
        return value == null || value.isBlank() ? null : value;
    }
}
