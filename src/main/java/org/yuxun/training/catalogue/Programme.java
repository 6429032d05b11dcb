package org.yuxun.training.catalogue;

import org.yuxun.shared.InvalidInput;

/**
 * A programme's lifecycle state. It guards its own transitions: DRAFT → SUBMITTED → APPROVED → PUBLISHED → RETIRED,
 * with a submitted programme returnable to DRAFT for changes. Only a draft may be edited, so what the institution
 * approved is what gets published.
 */
record Programme(long id, String name, ProgrammeStatus status, int version) {

    Programme submit() {
        return to(ProgrammeStatus.SUBMITTED, "submit", "只有草稿状态的项目可以提交审核", ProgrammeStatus.DRAFT);
    }

    Programme returnToDraft() {
        return to(ProgrammeStatus.DRAFT, "return", "只有待审核的项目可以退回草稿", ProgrammeStatus.SUBMITTED);
    }

    Programme approve() {
        return to(ProgrammeStatus.APPROVED, "approve", "只有待审核的项目可以审核通过", ProgrammeStatus.SUBMITTED);
    }

    Programme publish() {
        return to(ProgrammeStatus.PUBLISHED, "publish", "只有审核通过的项目可以发布", ProgrammeStatus.APPROVED);
    }

    Programme retire() {
        return to(ProgrammeStatus.RETIRED, "retire", "只有已审核或已发布的项目可以停办", ProgrammeStatus.APPROVED,
                ProgrammeStatus.PUBLISHED);
    }

    void requireEditable() {
        if (status != ProgrammeStatus.DRAFT) {
            throw new TransitionRefused("programme.edit.notDraft", "只有草稿状态的项目可以修改；待审核的项目请先退回草稿");
        }
    }

    /** Classes may run only a programme the institution has approved. */
    boolean runnable() {
        return status == ProgrammeStatus.APPROVED || status == ProgrammeStatus.PUBLISHED;
    }

    private Programme to(ProgrammeStatus target, String action, String message, ProgrammeStatus... from) {
        for (ProgrammeStatus allowed : from) {
            if (status == allowed) {
                return new Programme(id, name, target, version);
            }
        }
        throw new TransitionRefused("programme.transition." + action, message);
    }

    /** A lifecycle action the programme's state does not allow. */
    static final class TransitionRefused extends InvalidInput {

        private static final long serialVersionUID = 1L;

        TransitionRefused(String code, String message) {
            super(null, code, message);
        }
    }
}
