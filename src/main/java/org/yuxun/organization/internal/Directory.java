package org.yuxun.organization.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;

@Service
class Directory implements OrganizationDirectory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AuthorityInfo> authority(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select id, name, kind, level, region_code from authority where id = ?")
                .param(id)
                .query(AuthorityInfo.class)
                .optional());
    }

    @Override
    public Optional<String> institutionName(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select name from institution where id = ?")
                .param(id).query(String.class).optional());
    }

    @Override
    public Optional<String> enterpriseName(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select name from enterprise where id = ?")
                .param(id).query(String.class).optional());
    }

    @Override
    public Optional<InstitutionInfo> institution(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select id, name, kind, region_code, active from institution where id = ?")
                .param(id)
                .query(InstitutionInfo.class)
                .optional());
    }

    @Override
    public Optional<EnterpriseInfo> enterprise(long id) {
        return DataScope.asSystem(() -> jdbc.sql(
                        "select id, name, credit_code, region_code, active from enterprise where id = ?")
                .param(id)
                .query(EnterpriseInfo.class)
                .optional());
    }
}
