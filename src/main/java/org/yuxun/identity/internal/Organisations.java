package org.yuxun.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.organization.OrganizationDirectory.AuthorityInfo;
import org.yuxun.organization.Regions;

/**
 * The organisations an account can belong to, as account administration needs them: names for lists, the
 * choices of the organisation picker, and whether a chosen organisation exists.
 */
@Component
public class Organisations {

    /** One entry of the organisation picker. */
    public record Choice(long id, String name) {
    }

    private static final int MAX_CHOICES = 50;

    private final OrganizationDirectory directory;
    private final Regions regions;
    private final JdbcClient jdbc;

    Organisations(OrganizationDirectory directory, Regions regions, JdbcClient jdbc) {
        this.directory = directory;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    /** The organisation's name; empty for the platform and for accounts without one. */
    public String name(OrgKind kind, Long id) {
        if (id == null) {
            return "";
        }
        return switch (kind) {
            case AUTHORITY -> directory.authority(id).map(AuthorityInfo::name).orElse("");
            case INSTITUTION -> directory.institutionName(id).orElse("");
            case ENTERPRISE -> directory.enterpriseName(id).orElse("");
            case PLATFORM, NONE -> "";
        };
    }

    /** Whether an active organisation of this kind has this id. */
    public boolean exists(OrgKind kind, long id) {
        return switch (kind) {
            case AUTHORITY -> directory.authority(id).isPresent();
            case INSTITUTION -> directory.institution(id).filter(i -> i.active()).isPresent();
            case ENTERPRISE -> directory.enterprise(id).filter(e -> e.active()).isPresent();
            case PLATFORM, NONE -> false;
        };
    }

    /** The full name of the region an authority governs ("浙江省 杭州市"); "全国" is left to the page. */
    public String authorityRegionName(long id) {
        return directory.authority(id).map(AuthorityInfo::regionCode).map(regions::fullName).orElse("");
    }

    /** {@code EDUCATION} or {@code HUMAN_RESOURCES} for an authority. */
    public Optional<String> authorityKind(long id) {
        return directory.authority(id).map(AuthorityInfo::kind);
    }

    /**
     * Active organisations of a kind whose name contains the text, as far as the caller's data scope shows them;
     * at most {@value #MAX_CHOICES}, so the picker stays quick in a province with thousands of enterprises. The
     * organisation module offers no search for other modules yet, so its tables are read here, read-only and
     * under row-level security.
     */
    public List<Choice> choices(OrgKind kind, String text) {
        String table = switch (kind) {
            case AUTHORITY -> "authority";
            case INSTITUTION -> "institution";
            case ENTERPRISE -> "enterprise";
            case PLATFORM, NONE -> null;
        };
        if (table == null) {
            return List.of();
        }
        return jdbc.sql("select id, name from " + table + " where active and name ilike ? order by name limit ?")
                .params(LikePatterns.containing(text), MAX_CHOICES)
                .query(Choice.class)
                .list();
    }
}
