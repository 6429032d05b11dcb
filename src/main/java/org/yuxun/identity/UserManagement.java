package org.yuxun.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.identity.RoleManagement.RoleView;
import org.yuxun.identity.internal.Organisations;
import org.yuxun.identity.internal.RoleStore;
import org.yuxun.identity.internal.UserSessions;
import org.yuxun.identity.internal.UserStore;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidInput.Violation;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * User accounts and the roles they hold. Which accounts an administrator reaches is their data scope's business
 * (an institution administrator reaches their institution's accounts); which roles they may hand out is
 * {@link GrantPolicy}'s. Every change is audited, with snapshots that never hold a password or its hash.
 */
@Service
public class UserManagement {

    /** The list filter for the state of an account. */
    public enum Status { ENABLED, DISABLED, LOCKED }

    /** Search criteria; every part optional. */
    public record UserFilter(String text, String role, OrgKind orgKind, Status status) {
    }

    /** An account as pages show it. */
    public record UserView(long id, String username, String displayName, OrgKind orgKind, Long orgId,
                           String orgName, List<String> roles, boolean enabled, boolean locked,
                           boolean mustChangePassword, Instant lastLoginAt, Instant passwordChangedAt,
                           Instant createdAt, int version) {
    }

    /** What an administrator types to open an account. */
    public record NewUser(String username, String displayName, OrgKind orgKind, Long orgId, Set<String> roles,
                          String password, String confirmPassword) {
    }

    /** What an administrator may change on an account; {@code enabled} null leaves it as it is. */
    public record UserChanges(String displayName, Set<String> roles, Boolean enabled, int version) {
    }

    /** The organisation an account belongs to. */
    private record Organisation(OrgKind kind, Long id) {
    }

    /** What the audit trail keeps of an account: never its password or hash. */
    record Snapshot(long id, String username, String displayName, OrgKind orgKind, Long orgId, List<String> roles,
                    boolean enabled, boolean locked, boolean mustChangePassword) {

        static Snapshot of(UserView u) {
            return new Snapshot(u.id(), u.username(), u.displayName(), u.orgKind(), u.orgId(), u.roles(),
                    u.enabled(), u.locked(), u.mustChangePassword());
        }
    }

    /** The database's own rule for usernames (V202611230030__identity.sql). */
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.@-]{3,64}$");
    private static final int MAX_DISPLAY_NAME = 50;

    private final UserStore users;
    private final RoleStore roles;
    private final RoleManagement roleManagement;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;
    private final AuditLog audit;

    UserManagement(UserStore users, RoleStore roles, RoleManagement roleManagement, Organisations organisations,
                   PasswordEncoder passwords, UserSessions sessions, AuditLog audit) {
        this.users = users;
        this.roles = roles;
        this.roleManagement = roleManagement;
        this.organisations = organisations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    public Page<UserView> search(UserFilter filter, int page, int size) {
        Page<UserStore.Row> rows = users.search(new UserStore.Filter(filter.text(), filter.role(),
                filter.orgKind() == null ? null : filter.orgKind().name(),
                filter.status() == null ? null : filter.status().name()), page, size);
        Map<Long, List<String>> roleCodes = users.roles(rows.content().stream().map(UserStore.Row::id).toList());
        Map<String, String> names = new HashMap<>();
        return rows.map(r -> view(r, roleCodes.get(r.id()), names));
    }

    public UserView get(long id) {
        return users.find(id).map(r -> view(r, users.roles(id), new HashMap<>()))
                .orElseThrow(() -> new NotFound("User", id));
    }

    /** The roles the actor may grant, to whichever organisation they fit. */
    public List<RoleView> grantableRoles(CurrentUser actor) {
        Set<DataScope.Kind> grantable = GrantPolicy.grantableBy(actor.dataScope().kind());
        return roleManagement.list().stream().filter(r -> grantable.contains(r.scopeKind())).toList();
    }

    /**
     * Whether the actor picks the organisation of a new account; otherwise accounts they open belong to their
     * own organisation.
     */
    public boolean choosesOrganisation(CurrentUser actor) {
        return GrantPolicy.choosesAnyOrganisation(actor.dataScope().kind());
    }

    /**
     * Organisations of a kind the actor may open accounts in, whose name contains the text; none for an actor who
     * opens accounts only in their own organisation.
     */
    public List<Organisations.Choice> organisationChoices(CurrentUser actor, OrgKind kind, String text) {
        return kind == null || !choosesOrganisation(actor) ? List.of() : organisations.choices(kind, text);
    }

    public String organisationName(OrgKind kind, Long id) {
        return kind == null ? "" : organisations.name(kind, id);
    }

    /**
     * Opens an account with an initial password the administrator chose; as the administrator knows it, the user
     * must choose their own at the first sign-in.
     */
    @Transactional
    public long create(CurrentUser actor, NewUser user) {
        List<Violation> problems = new ArrayList<>();
        String username = user.username() == null ? "" : user.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new Violation("username", "user.username.format",
                    "用户名应为 3 至 64 位英文字母、数字或 _ . @ -", null));
        } else if (users.usernameTaken(username)) {
            problems.add(new Violation("username", "user.username.taken", "该用户名已被使用", null));
        }
        String displayName = displayName(user.displayName(), problems);
        Organisation organisation = organisation(actor, user.orgKind(), user.orgId(), problems);
        Set<String> granted = organisation == null ? Set.of()
                : grantedRoles(actor, organisation, List.of(), user.roles(), problems);
        newPassword("password", "confirmPassword", user.password(), user.confirmPassword(), username, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(distinct(problems));
        }
        long id;
        try {
            id = users.insert(username, passwords.encode(user.password()), displayName, organisation.kind().name(),
                    organisation.id(), true);
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("username", "user.username.taken", "该用户名已被使用");
        }
        users.replaceRoles(id, List.of(), granted);
        audit.record("CREATE", "User", id, username, null, Snapshot.of(get(id)));
        return id;
    }

    /**
     * Changes name, roles and (with {@link Permission#USER_DISABLE}) whether the account is enabled. Roles beyond
     * the actor's remit that the account already holds stay as they are. Nobody disables themselves or takes away
     * their own last role that administers users, which would lock them out of repairing it.
     */
    @Transactional
    public void edit(CurrentUser actor, long id, UserChanges changes) {
        UserView before = get(id);
        List<Violation> problems = new ArrayList<>();
        String displayName = displayName(changes.displayName(), problems);
        boolean enabled = changes.enabled() == null ? before.enabled() : changes.enabled();
        if (enabled != before.enabled() && !actor.can(Permission.USER_DISABLE)) {
            throw new AccessDeniedException("Enabling or disabling accounts needs USER_DISABLE");
        }
        Set<String> granted = grantedRoles(actor, new Organisation(before.orgKind(), before.orgId()), before.roles(),
                changes.roles(), problems);
        if (actor.id() == id) {
            if (!enabled) {
                problems.add(new Violation("enabled", "user.self.disable", "不能停用自己的账户", null));
            }
            if (administersUsers(before.roles()) && !granted.isEmpty() && !administersUsers(granted)) {
                problems.add(new Violation("roles", "user.self.lastAdminRole", "不能移除您自己最后一个管理员角色", null));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(distinct(problems));
        }
        users.update(id, displayName, enabled, changes.version());
        users.replaceRoles(id, before.roles(), granted);
        audit.record("UPDATE", "User", id, before.username(), Snapshot.of(before), Snapshot.of(get(id)));
        if (before.enabled() && !enabled) {
            sessions.endAll(before.username());
        }
    }

    /** Disables or enables an account; disabling ends its sessions, and its API tokens stop working. */
    @Transactional
    public void setEnabled(CurrentUser actor, long id, boolean enabled, int version) {
        UserView before = get(id);
        if (actor.id() == id && !enabled) {
            throw new InvalidInput(null, "user.self.disable", "不能停用自己的账户");
        }
        users.setEnabled(id, enabled, version);
        audit.record(enabled ? "ENABLE" : "DISABLE", "User", id, before.username(), Snapshot.of(before),
                Snapshot.of(get(id)));
        if (!enabled) {
            sessions.endAll(before.username());
        }
    }

    /**
     * Sets a password the administrator typed, for a user who forgot theirs. The user must change it at the next
     * sign-in; their sessions end and the lockout is lifted. Administrators change their own password under
     * "my account", where the current one is asked for.
     */
    @Transactional
    public void resetPassword(CurrentUser actor, long id, String password, String confirmPassword, int version) {
        UserView before = get(id);
        if (actor.id() == id) {
            throw new InvalidInput(null, "user.self.reset", "请在“我的账户”中修改自己的密码");
        }
        List<Violation> problems = new ArrayList<>();
        newPassword("password", "confirmPassword", password, confirmPassword, before.username(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        users.resetPassword(id, passwords.encode(password), version);
        audit.record("RESET_PASSWORD", "User", id, before.username(), Snapshot.of(before), Snapshot.of(get(id)));
        sessions.endAll(before.username());
    }

    /** Lifts a lockout after repeated failed sign-ins before it runs out by itself. */
    @Transactional
    public void unlock(CurrentUser actor, long id, int version) {
        UserView before = get(id);
        users.unlock(id, version);
        audit.record("UNLOCK", "User", id, before.username(), Snapshot.of(before), Snapshot.of(get(id)));
    }

    private Organisation organisation(CurrentUser actor, OrgKind kind, Long orgId, List<Violation> problems) {
        if (!choosesOrganisation(actor)) {
            if (actor.orgId() == null || actor.orgKind() == OrgKind.PLATFORM || actor.orgKind() == OrgKind.NONE) {
                throw new AccessDeniedException("Only members of an organisation open accounts in it");
            }
            if ((kind != null && kind != actor.orgKind()) || (orgId != null && !orgId.equals(actor.orgId()))) {
                problems.add(new Violation("orgId", "user.org.outsideScope", "只能在本单位内创建用户", null));
                return null;
            }
            return new Organisation(actor.orgKind(), actor.orgId());
        }
        if (kind == null) {
            problems.add(new Violation("orgKind", "user.orgKind.required", "请选择所属机构类型", null));
            return null;
        }
        if (kind == OrgKind.PLATFORM || kind == OrgKind.NONE) {
            return new Organisation(kind, null);
        }
        if (orgId == null) {
            problems.add(new Violation("orgId", "user.org.required", "请选择所属机构", null));
            return null;
        }
        if (!organisations.exists(kind, orgId)) {
            problems.add(new Violation("orgId", "user.org.unknown", "所选机构不存在或已停用", null));
            return null;
        }
        return new Organisation(kind, orgId);
    }

    /**
     * The roles the account ends up with: those requested that the actor may grant and that fit the account's
     * organisation, plus those it holds beyond the actor's remit.
     */
    private Set<String> grantedRoles(CurrentUser actor, Organisation organisation, List<String> held,
                                     Set<String> requested, List<Violation> problems) {
        Map<String, RoleView> known = new LinkedHashMap<>();
        roleManagement.list().forEach(r -> known.put(r.code(), r));
        Set<DataScope.Kind> grantable = GrantPolicy.grantableBy(actor.dataScope().kind());
        Set<String> result = new TreeSet<>();
        for (String code : held) {
            RoleView role = known.get(code);
            if (role == null || !grantable.contains(role.scopeKind())) {
                result.add(code);
            }
        }
        for (String code : requested == null ? Set.<String>of() : requested) {
            RoleView role = known.get(code);
            if (role == null) {
                problems.add(new Violation("roles", "user.role.unknown", "所选角色不存在", null));
            } else if (!grantable.contains(role.scopeKind())) {
                if (!held.contains(code)) {
                    problems.add(new Violation("roles", "user.role.beyondRemit", "不能授予超出您管理范围的角色", null));
                }
            } else if (!fits(role, organisation)) {
                problems.add(new Violation("roles", "user.role.organisation", "所选角色与用户所属机构的类型不符", null));
            } else {
                result.add(code);
            }
        }
        if (result.isEmpty()) {
            problems.add(new Violation("roles", "user.role.required", "请至少选择一个角色", null));
        }
        return result;
    }

    private boolean fits(RoleView role, Organisation organisation) {
        if (role.organisation() != organisation.kind()) {
            return false;
        }
        String authorityKind = GrantPolicy.authorityKindFor(role.scopeKind());
        return authorityKind == null
                || organisations.authorityKind(organisation.id()).filter(authorityKind::equals).isPresent();
    }

    private boolean administersUsers(Iterable<String> roleCodes) {
        for (String code : roleCodes) {
            if (roles.permissions(code).contains(Permission.USER_EDIT)) {
                return true;
            }
        }
        return false;
    }

    private static String displayName(String raw, List<Violation> problems) {
        String name = raw == null ? "" : raw.trim();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
            problems.add(new Violation("displayName", "user.displayName.length", "姓名应为 1 至 50 个字符", null));
        }
        return name;
    }

    private static void newPassword(String field, String confirmField, String password, String confirm,
                                    String username, List<Violation> problems) {
        try {
            PasswordPolicy.check(field, password, username);
        } catch (InvalidInput e) {
            problems.addAll(e.violations());
        }
        if (password != null && !password.isEmpty() && !Objects.equals(password, confirm)) {
            problems.add(new Violation(confirmField, "password.mismatch", "两次输入的密码不一致", null));
        }
    }

    /** One message per field and reason, however many roles share it. */
    private static List<Violation> distinct(List<Violation> problems) {
        Map<String, Violation> seen = new LinkedHashMap<>();
        problems.forEach(v -> seen.putIfAbsent(v.field() + "|" + v.code(), v));
        return List.copyOf(seen.values());
    }

    private UserView view(UserStore.Row r, List<String> roleCodes, Map<String, String> names) {
        OrgKind kind = OrgKind.valueOf(r.orgKind());
        String orgName = names.computeIfAbsent(kind + ":" + r.orgId(), k -> organisations.name(kind, r.orgId()));
        return new UserView(r.id(), r.username(), r.displayName(), kind, r.orgId(), orgName,
                roleCodes == null ? List.of() : List.copyOf(roleCodes), r.enabled(), r.locked(),
                r.mustChangePassword(), r.lastLoginAt(), r.passwordChangedAt(), r.createdAt(), r.version());
    }
}
