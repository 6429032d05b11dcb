package org.yuxun.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.Permission;
import org.yuxun.shared.DataScope;

/**
 * How session attributes are stored: the signed-in user's security context — read on every request of a browser
 * session — in a short binary form of its fields, everything else with Java serialisation as Spring Session does
 * by default. Reading the context back with {@code ObjectInputStream} (class descriptors, reflection, one object
 * per authority) was a seventh of the application's CPU per check-in (docs/benchmarks.md); reading these fields
 * is a few microseconds.
 *
 * <p>Only a context holding an authenticated {@link UsernamePasswordAuthenticationToken} of a {@link CurrentUser}
 * with simple and factor authorities and web details (what the sign-in form produces) takes the short form; any
 * other stays Java-serialised. Stored forms start with a marker that no Java serialisation stream starts with, so
 * sessions written before either way still read. A short form that cannot be read (a role or scope kind removed
 * since) reads as no context: the user signs in again. Permissions that no longer exist are dropped.
 */
final class SessionContextCodec implements GenericConverter {

    private static final Logger log = LoggerFactory.getLogger(SessionContextCodec.class);

    /** "YXC" and the form's version; Java serialisation streams start with 0xACED. */
    private static final byte[] MARKER = {'Y', 'X', 'C', 1};

    private static final Map<String, Permission> PERMISSIONS = Arrays.stream(Permission.values())
            .collect(Collectors.toUnmodifiableMap(Permission::name, Function.identity()));

    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    SessionContextCodec(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(Object.class, byte[].class), new ConvertiblePair(byte[].class, Object.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        if (targetType.getType() == byte[].class) {
            byte[] compact = encode(source);
            return compact != null ? compact : serializer.convert(source);
        }
        byte[] bytes = (byte[]) source;
        if (hasMarker(bytes)) {
            return decode(bytes);
        }
        return deserializer.convert(bytes);
    }

    /** The short form of a security context, or {@code null} if it is not one the form holds. */
    static byte [] encode(Object value) {
        if (!(value instanceof SecurityContext context)
                || !(context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)
                || token.getClass() != UsernamePasswordAuthenticationToken.class
                || !token.isAuthenticated()
                || token.getCredentials() != null
                || !(token.getPrincipal() instanceof CurrentUser user)
                || !(token.getDetails() == null || token.getDetails().getClass() == WebAuthenticationDetails.class)) {
            return null;
        }
        for (GrantedAuthority authority : token.getAuthorities()) {
            if (authority.getClass() != SimpleGrantedAuthority.class
                    && authority.getClass() != FactorGrantedAuthority.class) {
                return null;
            }
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MARKER);
            out.writeLong(user.id());
            out.writeUTF(user.username());
            writeNullable(out, user.displayName());
            writeNullable(out, user.passwordHash());
            out.writeInt(user.roles().size());
            for (String role : user.roles()) {
                out.writeUTF(role);
            }
            out.writeInt(user.permissions().size());
            for (Permission permission : user.permissions()) {
                out.writeUTF(permission.name());
            }
            writeNullable(out, user.orgKind() == null ? null : user.orgKind().name());
            writeNullable(out, user.orgId());
            writeNullable(out, user.orgName());
            DataScope scope = user.dataScope();
            out.writeBoolean(scope != null);
            if (scope != null) {
                out.writeUTF(scope.kind().name());
                writeNullable(out, scope.userId());
                writeNullable(out, scope.personId());
                writeNullable(out, scope.organisationId());
                writeNullable(out, scope.regionPrefix());
            }
            out.writeBoolean(user.enabled());
            out.writeBoolean(user.locked());
            out.writeInt(token.getAuthorities().size());
            for (GrantedAuthority authority : token.getAuthorities()) {
                if (authority instanceof FactorGrantedAuthority factor) {
                    out.writeByte('F');
                    out.writeUTF(factor.getAuthority());
                    out.writeLong(factor.getIssuedAt().getEpochSecond());
                    out.writeInt(factor.getIssuedAt().getNano());
                } else {
                    out.writeByte('S');
                    out.writeUTF(authority.getAuthority());
                }
            }
            WebAuthenticationDetails details = (WebAuthenticationDetails) token.getDetails();
            out.writeBoolean(details != null);
            if (details != null) {
                writeNullable(out, details.getRemoteAddress());
                writeNullable(out, details.getSessionId());
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The security context of a short form; {@code null} (not signed in) if it cannot be read. */
    static SecurityContext decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MARKER.length,
                    bytes.length - MARKER.length));
            long id = in.readLong();
            String username = in.readUTF();
            String displayName = readNullable(in);
            String passwordHash = readNullable(in);
            int roleCount = in.readInt();
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 0; i < roleCount; i++) {
                roles.add(in.readUTF());
            }
            int permissionCount = in.readInt();
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (int i = 0; i < permissionCount; i++) {
                Permission permission = PERMISSIONS.get(in.readUTF());
                if (permission != null) {
                    permissions.add(permission);
                }
            }
            String orgKind = readNullable(in);
            Long orgId = readNullableLong(in);
            String orgName = readNullable(in);
            DataScope scope = null;
            if (in.readBoolean()) {
                scope = new DataScope(DataScope.Kind.valueOf(in.readUTF()), readNullableLong(in),
                        readNullableLong(in), readNullableLong(in), readNullable(in));
            }
            boolean enabled = in.readBoolean();
            boolean locked = in.readBoolean();
            CurrentUser user = new CurrentUser(id, username, displayName, passwordHash,
                    Collections.unmodifiableSet(roles), Collections.unmodifiableSet(permissions),
                    orgKind == null ? null : CurrentUser.OrgKind.valueOf(orgKind), orgId, orgName, scope, enabled,
                    locked);
            int authorityCount = in.readInt();
            List<GrantedAuthority> authorities = new ArrayList<>(authorityCount);
            for (int i = 0; i < authorityCount; i++) {
                if (in.readByte() == 'F') {
                    String authority = in.readUTF();
                    authorities.add(FactorGrantedAuthority.withAuthority(authority)
                            .issuedAt(Instant.ofEpochSecond(in.readLong(), in.readInt())).build());
                } else {
                    authorities.add(new SimpleGrantedAuthority(in.readUTF()));
                }
            }
            UsernamePasswordAuthenticationToken token =
                    UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
            if (in.readBoolean()) {
                token.setDetails(new WebAuthenticationDetails(readNullable(in), readNullable(in)));
            }
            return new SecurityContextImpl(token);
        } catch (IOException | RuntimeException e) {
            log.warn("A stored security context could not be read; the user signs in again: {}", e.toString());
            return null;
        }
    }

    private static boolean hasMarker(byte[] bytes) {
        return bytes.length >= MARKER.length && Arrays.equals(bytes, 0, MARKER.length, MARKER, 0, MARKER.length);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static void writeNullable(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Long readNullableLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
