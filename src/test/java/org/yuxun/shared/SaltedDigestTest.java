package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The salted hash a credential names its holder by. */
class SaltedDigestTest {

    private static final String NUMBER = "33010619900101002X";

    @Test
    void isTheSha256OfTheNumberFollowedByTheSalt() throws Exception {
        SaltedDigest digest = SaltedDigest.of(NUMBER);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((NUMBER + digest.salt()).getBytes(StandardCharsets.UTF_8)));
        assertThat(digest.sha256()).isEqualTo(expected);
        assertThat(digest.salt()).hasSize(32);
    }

    @Test
    void confirmsTheNumberWhateverTheCaseOfItsCheckCharacterAndNothingElse() {
        SaltedDigest digest = SaltedDigest.of(" 33010619900101002x ");
        assertThat(digest.matches(NUMBER)).isTrue();
        assertThat(digest.matches("330106199001010038")).isFalse();
        assertThat(digest.toString()).doesNotContain(NUMBER).doesNotContain(digest.sha256());
    }

    @Test
    void theSameNumberTwiceGivesUnrelatedDigests() {
        assertThat(SaltedDigest.of(NUMBER).sha256()).isNotEqualTo(SaltedDigest.of(NUMBER).sha256());
    }

    @Test
    void refusesWhatIsNotADigest() {
        assertThatThrownBy(() -> new SaltedDigest("abc", "00112233445566778899aabbccddeeff"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaltedDigest.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
