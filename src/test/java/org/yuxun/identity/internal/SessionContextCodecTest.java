package org.yuxun.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
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

/** The short stored form of a signed-in user's security context, and the Java-serialised forms beside it. */
class SessionContextCodecTest {

    private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);
    private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

    private final SessionContextCodec codec = new SessionContextCodec(getClass().getClassLoader());

    private static CurrentUser learner() {
        return new CurrentUser(42, "learner", "王小明", "", Set.of("LEARNER"),
                EnumSet.of(Permission.values()[0], Permission.values()[1]), CurrentUser.OrgKind.NONE, null, null,
                new DataScope(DataScope.Kind.LEARNER, 42L, 7L, null, null), true, false);
    }

    private static SecurityContext signedIn(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(Instant.parse("2026-12-06T01:02:03.456789Z")).build());
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        token.setDetails(new WebAuthenticationDetails("10.1.2.3", "session-1"));
        return new SecurityContextImpl(token);
    }

    @Test
    void aSignedInUsersContextIsStoredShortAndReadBackEqual() {
        SecurityContext context = signedIn(learner());
        byte[] stored = (byte[]) codec.convert(context, OBJECT, BYTES);
        byte[] javaSerialised = new SerializingConverter().convert(context);

        assertThat(Arrays.copyOf(stored, 3)).isEqualTo(new byte[] {'Y', 'X', 'C'});
        assertThat(stored.length).isLessThan(javaSerialised.length / 3);
        SecurityContext read = (SecurityContext) codec.convert(stored, BYTES, OBJECT);
        assertThat(read).isEqualTo(context);
        assertThat(read.getAuthentication().getPrincipal()).isEqualTo(learner());
        assertThat(read.getAuthentication().getDetails()).isEqualTo(context.getAuthentication().getDetails());
        assertThat(List.copyOf(read.getAuthentication().getAuthorities()))
                .isEqualTo(List.copyOf(context.getAuthentication().getAuthorities()));
        assertThat(read.getAuthentication().isAuthenticated()).isTrue();
    }

    @Test
    void contextsStoredBeforeWithJavaSerialisationStillRead() {
        SecurityContext context = signedIn(learner());
        byte[] before = new SerializingConverter().convert(context);

        assertThat(codec.convert(before, BYTES, OBJECT)).isEqualTo(context);
    }

    @Test
    void otherAttributesAndOtherAuthenticationsKeepJavaSerialisation() {
        SecurityContext other = new SecurityContextImpl(new TestingAuthenticationToken("someone", "secret",
                "ROLE_X"));
        byte[] stored = (byte[]) codec.convert(other, OBJECT, BYTES);
        assertThat(stored[0]).isEqualTo((byte) 0xAC);
        assertThat(codec.convert(stored, BYTES, OBJECT)).isEqualTo(other);

        byte[] text = (byte[]) codec.convert("/classes/1", OBJECT, BYTES);
        assertThat(codec.convert(text, BYTES, OBJECT)).isEqualTo("/classes/1");
    }

    @Test
    void aContextThatCannotBeReadMeansSigningInAgain() {
        byte[] stored = (byte[]) codec.convert(signedIn(learner()), OBJECT, BYTES);

        assertThat(codec.convert(Arrays.copyOf(stored, stored.length / 2), BYTES, OBJECT)).isNull();
    }

    @Test
    void permissionsThatNoLongerExistAreDropped() {
        byte[] stored = (byte[]) codec.convert(signedIn(learner()), OBJECT, BYTES);
        String first = Permission.values()[0].name();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(first);
        byte[] renamed = stored.clone();
        renamed[at] = (byte) 'Q';
        renamed[at + 1] = (byte) 'Q';

        CurrentUser read = (CurrentUser) ((SecurityContext) codec.convert(renamed, BYTES, OBJECT))
                .getAuthentication().getPrincipal();
        assertThat(read.permissions()).containsExactly(Permission.values()[1]);
    }
}
