package org.yuxun.identity.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.organization.OrganizationDirectory.AuthorityInfo;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.RegionCode;

/**
 * Builds the {@link CurrentUser} at sign-in: permissions from the roles, and the data scope from the broadest
 * scope kind among the roles together with the user's organisation (an authority's region subtree, an
 * institution, an enterprise, the learner's own person record).
 */
@Service
class AccountDetailsService implements UserDetailsService, Accounts {

    /** Broadest first: a user holding two roles gets the wider remit of the two. */
    private static final List<DataScope.Kind> BREADTH = List.of(DataScope.Kind.PLATFORM,
            DataScope.Kind.EDUCATION_AUTHORITY, DataScope.Kind.HRSS_AUTHORITY, DataScope.Kind.INSTITUTION,
            DataScope.Kind.ENTERPRISE, DataScope.Kind.TEACHER, DataScope.Kind.LEARNER);

    private final UserAccounts accounts;
    private final OrganizationDirectory organizations;

    AccountDetailsService(UserAccounts accounts, OrganizationDirectory organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return DataScope.asSystem(() -> accounts.byUsername(username)
                .map(this::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user")));
    }

    @Override
    public CurrentUser load(String username) {
        return loadUserByUsername(username).withoutPassword();
    }

    CurrentUser reload(long userId) {
        return DataScope.asSystem(() -> accounts.byId(userId).map(this::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user")));
    }

    private CurrentUser toCurrentUser(UserAccounts.Account account) {
        List<UserAccounts.RoleGrant> roles = accounts.roles(account.id());
        Set<String> roleCodes = new LinkedHashSet<>();
        roles.forEach(r -> roleCodes.add(r.code()));
        DataScope.Kind kind = roles.stream()
                .map(r -> DataScope.Kind.valueOf(r.scopeKind()))
                .min((a, b) -> Integer.compare(BREADTH.indexOf(a), BREADTH.indexOf(b)))
                .orElse(DataScope.Kind.LEARNER);
        OrgKind orgKind = OrgKind.valueOf(account.orgKind());
        String orgName = switch (orgKind) {
            case AUTHORITY -> organizations.authority(account.orgId()).map(AuthorityInfo::name).orElse("");
            case INSTITUTION -> organizations.institutionName(account.orgId()).orElse("");
            case ENTERPRISE -> organizations.enterpriseName(account.orgId()).orElse("");
            case PLATFORM, NONE -> "";
        };
        DataScope scope = scope(kind, account, orgKind);
        boolean locked = account.lockedUntil() != null && account.lockedUntil().isAfter(Instant.now());
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.passwordHash(),
                roleCodes, accounts.permissions(account.id()), orgKind, account.orgId(), orgName, scope,
                account.enabled(), locked);
    }

    /** A role whose kind does not fit the user's organisation grants no data at all, rather than too much. */
    private DataScope scope(DataScope.Kind kind, UserAccounts.Account account, OrgKind orgKind) {
        Long person = account.personId();
        return switch (kind) {
            case PLATFORM -> orgKind == OrgKind.PLATFORM
                    ? new DataScope(kind, account.id(), person, null, null) : learner(account);
            case EDUCATION_AUTHORITY, HRSS_AUTHORITY -> {
                if (orgKind != OrgKind.AUTHORITY) {
                    yield learner(account);
                }
                AuthorityInfo authority = organizations.authority(account.orgId()).orElseThrow();
                String prefix = authority.regionCode() == null ? "%"
                        : new RegionCode(authority.regionCode()).subtreePrefix();
                DataScope.Kind remit = "EDUCATION".equals(authority.kind())
                        ? DataScope.Kind.EDUCATION_AUTHORITY : DataScope.Kind.HRSS_AUTHORITY;
                yield new DataScope(remit, account.id(), person, account.orgId(), prefix);
            }
            case INSTITUTION, TEACHER -> orgKind == OrgKind.INSTITUTION
                    ? new DataScope(kind, account.id(), person, account.orgId(), null) : learner(account);
            case ENTERPRISE -> orgKind == OrgKind.ENTERPRISE
                    ? new DataScope(kind, account.id(), person, account.orgId(), null) : learner(account);
            default -> learner(account);
        };
    }

    private static DataScope learner(UserAccounts.Account account) {
        return new DataScope(DataScope.Kind.LEARNER, account.id(), account.personId(), null, null);
    }
}
