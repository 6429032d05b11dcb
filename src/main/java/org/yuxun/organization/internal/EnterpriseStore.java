package org.yuxun.organization.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.organization.EnterpriseSize;
import org.yuxun.shared.DataScope;

/**
 * Writes of enterprises and of the partnerships (enterprise_partner) through which an institution sees them.
 */
@Component
public class EnterpriseStore {

    /** The validated values of an enterprise, as they are stored. */
    public record Details(String name, String creditCode, String regionCode, String industryCode,
                          EnterpriseSize size, boolean industryEducationCertified, String address,
                          String contactName, String contactPhone) {
    }

    private final Enterprises enterprises;
    private final JdbcClient jdbc;

    EnterpriseStore(Enterprises enterprises, JdbcClient jdbc) {
        this.enterprises = enterprises;
        this.jdbc = jdbc;
    }

    /**
     * Inserts under an id taken from the sequence first: an institution's new enterprise becomes visible to it
     * only once the partnership is recorded, so the insert cannot read its generated id back.
     */
    public long insert(Details details) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('enterprise', 'id'))").query(Long.class).single();
        enterprises.save(Enterprise.register(id, details));
        return id;
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void update(long id, Details details, int expectedVersion) {
        Enterprise current = enterprises.findById(id).orElseThrow();
        enterprises.save(current.edit(details, expectedVersion));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void setActive(long id, boolean active, int expectedVersion) {
        Enterprise current = enterprises.findById(id).orElseThrow();
        enterprises.save(current.withActive(active, expectedVersion));
    }

    /**
     * The enterprise registered under this code, whoever registered it. Looked up without the caller's scope,
     * as DESIGN.md allows for registering by a unique code: the answer is only an id, used to link.
     */
    public Optional<Long> idOfCreditCode(String creditCode) {
        return DataScope.asSystem(() -> jdbc.sql("select id from enterprise where credit_code = ?")
                .param(creditCode).query(Long.class).optional());
    }

    /** Records that the institution works with the enterprise; whether it was new. */
    public boolean link(long institutionId, long enterpriseId) {
        return jdbc.sql("""
                        insert into enterprise_partner (institution_id, enterprise_id) values (?, ?)
                        on conflict do nothing""")
                .params(institutionId, enterpriseId)
                .update() == 1;
    }
}
