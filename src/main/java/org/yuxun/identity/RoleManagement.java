package org.yuxun.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.identity.internal.RoleStore;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * Roles and the permissions they grant (per action, per button, kept in code as {@link Permission}). Every
 * signed-in user may read them; only platform administrators change them, since a role is shared by every
 * institution. A change reaches a user at their next sign-in, when their permissions are read afresh.
 */
@Service
public class RoleManagement {

    /** A role as pages show it. */
    public record RoleView(String code, String name, DataScope.Kind scopeKind, boolean builtin, int version) {

        /** The kind of organisation an account needs for this role to work. */
        public OrgKind organisation() {
            return GrantPolicy.organisationFor(scopeKind);
        }
    }

    /** What an administrator types to add a role of their own. */
    public record NewRole(String code, String name, DataScope.Kind scopeKind) {
    }

    /**
     * The layout of the role editor: one row per {@link Permission#group()}, one column per
     * {@link Permission#action()}, in the order the permissions are declared.
     */
    public record PermissionMatrix(List<String> groups, List<String> actions,
                                   Map<String, Map<String, Permission>> cells) {

        public static PermissionMatrix of(Permission... permissions) {
            Map<String, Map<String, Permission>> cells = new LinkedHashMap<>();
            List<String> actions = new ArrayList<>();
            for (Permission p : permissions) {
                cells.computeIfAbsent(p.group(), g -> new LinkedHashMap<>()).put(p.action(), p);
                if (!actions.contains(p.action())) {
                    actions.add(p.action());
                }
            }
            return new PermissionMatrix(List.copyOf(cells.keySet()), List.copyOf(actions), cells);
        }

        /** The permission at a cell, or {@code null} where the group has no such action. */
        public Permission at(String group, String action) {
            return cells.getOrDefault(group, Map.of()).get(action);
        }
    }

    /** The scope kinds a role may have: every kind a user can hold, broadest first. */
    public static final Set<DataScope.Kind> ROLE_SCOPE_KINDS =
            Collections.unmodifiableSet(EnumSet.copyOf(GrantPolicy.ROLE_SCOPES));

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
    private static final PermissionMatrix MATRIX = PermissionMatrix.of(Permission.values());

    private final RoleStore roles;
    private final AuditLog audit;

    RoleManagement(RoleStore roles, AuditLog audit) {
        this.roles = roles;
        this.audit = audit;
    }

    /** Every role, built-in ones first. */
    public List<RoleView> list() {
        return roles.all().stream().map(RoleManagement::view).toList();
    }

    /** How many accounts hold each role, counting only the accounts the caller may see. */
    public Map<String, Long> userCounts() {
        return roles.userCounts();
    }

    public RoleView get(String code) {
        return roles.find(code).map(RoleManagement::view).orElseThrow(() -> new NotFound("Role", code));
    }

    public Set<Permission> permissions(String code) {
        get(code);
        return roles.permissions(code);
    }

    public PermissionMatrix matrix() {
        return MATRIX;
    }

    /**
     * Gives the role exactly these permissions, unless someone changed it since the caller saw {@code version}.
     * An administrator cannot take the last role-editing permission away from themselves, which would leave
     * nobody able to repair the mistake.
     */
    @Transactional
    public void setPermissions(CurrentUser actor, String code, Set<Permission> permissions, int version) {
        requirePlatform(actor);
        RoleView role = get(code);
        Set<Permission> before = roles.permissions(code);
        Set<Permission> after = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        if (actor.hasRole(code) && before.contains(Permission.ROLE_EDIT) && !after.contains(Permission.ROLE_EDIT)
                && actor.roles().stream().filter(r -> !r.equals(code))
                        .noneMatch(r -> roles.permissions(r).contains(Permission.ROLE_EDIT))) {
            throw new InvalidInput("permissions", "role.self.lastRoleEdit",
                    "不能移除您自己最后一个可管理角色的权限，否则将无人能够修改角色");
        }
        roles.replacePermissions(code, after, version);
        audit.record("UPDATE_PERMISSIONS", "Role", code, role.name(), new PermissionSnapshot(code, before),
                new PermissionSnapshot(code, after));
    }

    /** Adds a role of the administrator's own; it starts with no permissions. */
    @Transactional
    public void create(CurrentUser actor, NewRole role) {
        requirePlatform(actor);
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String code = role.code() == null ? "" : role.code().trim();
        String name = role.name() == null ? "" : role.name().trim();
        if (!CODE.matcher(code).matches()) {
            problems.add(new InvalidInput.Violation("code", "role.code.format",
                    "角色代码应以大写字母开头，由 2 至 40 位大写字母、数字或下划线组成", null));
        } else if (roles.find(code).isPresent()) {
            problems.add(new InvalidInput.Violation("code", "role.code.taken", "该角色代码已存在", null));
        }
        if (name.isEmpty() || name.length() > 50) {
            problems.add(new InvalidInput.Violation("name", "role.name.length", "角色名称应为 1 至 50 个字符", null));
        }
        if (role.scopeKind() == null || !ROLE_SCOPE_KINDS.contains(role.scopeKind())) {
            problems.add(new InvalidInput.Violation("scopeKind", "role.scopeKind.required", "请选择数据范围", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        try {
            roles.insert(code, name, role.scopeKind().name());
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("code", "role.code.taken", "该角色代码已存在");
        }
        audit.record("CREATE", "Role", code, name, null, get(code));
    }

    /** Deletes a custom role nobody holds; built-in roles stay, since the code relies on them. */
    @Transactional
    public void delete(CurrentUser actor, String code) {
        requirePlatform(actor);
        RoleView role = get(code);
        if (role.builtin()) {
            throw new InvalidInput(null, "role.builtin.delete", "内置角色不能删除");
        }
        if (roles.inUse(code)) {
            throw new InvalidInput(null, "role.inUse", "仍有用户持有该角色，不能删除");
        }
        Set<Permission> permissions = roles.permissions(code);
        roles.deleteCustom(code);
        audit.record("DELETE", "Role", code, role.name(), new PermissionSnapshot(code, permissions), null);
    }

    /** What the audit trail keeps of a role's permissions. */
    record PermissionSnapshot(String role, List<String> permissions) {

        PermissionSnapshot(String role, Set<Permission> permissions) {
            this(role, permissions.stream().sorted().map(Enum::name).toList());
        }
    }

    /** Roles are shared by every institution, so only the platform changes them (row-level security agrees). */
    private static void requirePlatform(CurrentUser actor) {
        if (!actor.can(Permission.ROLE_EDIT) || actor.dataScope().kind() != DataScope.Kind.PLATFORM) {
            throw new AccessDeniedException("Only platform administrators change roles");
        }
    }

    private static RoleView view(RoleStore.Row r) {
        return new RoleView(r.code(), r.name(), DataScope.Kind.valueOf(r.scopeKind()), r.builtin(), r.version());
    }
}
