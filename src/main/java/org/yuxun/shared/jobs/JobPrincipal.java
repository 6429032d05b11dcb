package org.yuxun.shared.jobs;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;

import org.yuxun.shared.DataScope;
import org.yuxun.shared.ScopedPrincipal;

/**
 * The user who submitted a job, as the job's thread carries them: the audit trail records the work under their
 * name and organisation, and the database applies their data scope.
 */
record JobPrincipal(String name, DataScope dataScope) implements ScopedPrincipal, Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return name;
    }
}
