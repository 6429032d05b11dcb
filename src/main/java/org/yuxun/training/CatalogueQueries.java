package org.yuxun.training;

import java.util.Optional;

/** What the other parts of training may ask the catalogue. */
public interface CatalogueQueries {

    /**
     * Whether a person's existing classes have a session at the same time as a session of the given class: a
     * learner cannot attend two classes at once, and overlapping classes would double-count subsidised hours. The
     * check looks across institutions (in system scope) and answers only with the finding, e.g.
     * "与已报名的课次「…」（2026-11-25 09:00–11:00）时间冲突", never with the other institution's records.
     *
     * @return the finding, or empty when there is no overlap
     */
    Optional<String> overlapForPerson(long personId, long classId);
}
