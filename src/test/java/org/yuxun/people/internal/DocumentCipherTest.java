package org.yuxun.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.yuxun.people.internal.DocumentCipher.Field;
import org.yuxun.shared.DocumentType;

class DocumentCipherTest {

    private static final String NUMBER = "11010519491231002X";

    private final DocumentCipher cipher = new DocumentCipher(key("encryption", "AES"), key("lookup", "HmacSHA256"));

    @Test
    void decryptsWhatItEncrypted() {
        byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);

        assertThat(cipher.decrypt(Field.DOCUMENT, stored)).isEqualTo(NUMBER);
    }

    @Test
    void roundTripsTextBeyondAscii() {
        String other = "港澳通行证 Ｃ１２３４５６７８";

        assertThat(cipher.decrypt(Field.DOCUMENT, cipher.encrypt(Field.DOCUMENT, other))).isEqualTo(other);
    }

    @Test
    void storesNoPlainTextAndAFormatByteAndTwelveByteIvInFront() {
        byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER).doesNotContain("110105");
        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(stored).hasSize(1 + 12 + NUMBER.length() + 16);
    }

    @Test
    void usesADifferentIvEveryTime() {
        Set<String> ivs = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);
            ivs.add(HexFormat.of().formatHex(stored, 1, 13));
            ciphertexts.add(HexFormat.of().formatHex(stored));
        }

        assertThat(ivs).hasSize(100);
        assertThat(ciphertexts).hasSize(100);
    }

    @Test
    void detectsATamperedCiphertextIvOrTag() {
        byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);
        for (int position : new int[] {0, 1, 12, 13, stored.length - 17, stored.length - 1}) {
            byte[] tampered = stored.clone();
            tampered[position] ^= 0x01;

            assertThatThrownBy(() -> cipher.decrypt(Field.DOCUMENT, tampered))
                    .as("byte %d altered", position)
                    .isInstanceOf(DocumentCipher.TamperedValue.class)
                    .hasMessageNotContaining(NUMBER);
        }
    }

    @Test
    void refusesTruncatedOrEmptyValues() {
        byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);
        byte[] truncated = Arrays.copyOf(stored, 20);

        assertThatThrownBy(() -> cipher.decrypt(Field.DOCUMENT, truncated))
                .isInstanceOf(DocumentCipher.TamperedValue.class);
        assertThatThrownBy(() -> cipher.decrypt(Field.DOCUMENT, new byte[0]))
                .isInstanceOf(DocumentCipher.TamperedValue.class);
    }

    @Test
    void aPhoneCiphertextCannotPassForADocument() {
        byte[] phone = cipher.encrypt(Field.PHONE, "13812345678");

        assertThatThrownBy(() -> cipher.decrypt(Field.DOCUMENT, phone))
                .isInstanceOf(DocumentCipher.TamperedValue.class);
        assertThat(cipher.decrypt(Field.PHONE, phone)).isEqualTo("13812345678");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        DocumentCipher other = new DocumentCipher(key("other", "AES"), key("lookup", "HmacSHA256"));
        byte[] stored = cipher.encrypt(Field.DOCUMENT, NUMBER);

        assertThatThrownBy(() -> other.decrypt(Field.DOCUMENT, stored))
                .isInstanceOf(DocumentCipher.TamperedValue.class);
    }

    @Test
    void lookupHashIsStableForTheSameDocument() {
        byte[] first = cipher.lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER);
        byte[] second = new DocumentCipher(key("encryption", "AES"), key("lookup", "HmacSHA256"))
                .lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(cipher.lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER)).isEqualTo(first);
    }

    @Test
    void lookupHashDependsOnTheKeyTheTypeAndTheNumber() {
        byte[] hash = cipher.lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER);
        DocumentCipher otherKey = new DocumentCipher(key("encryption", "AES"), key("another lookup", "HmacSHA256"));

        assertThat(otherKey.lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER)).isNotEqualTo(hash);
        assertThat(cipher.lookupHash(DocumentType.OTHER, NUMBER)).isNotEqualTo(hash);
        assertThat(cipher.lookupHash(DocumentType.RESIDENT_ID_CARD, "110105194912310037")).isNotEqualTo(hash);
    }

    @Test
    void lookupHashIsNotThePlainSha256OfTheNumber() throws Exception {
        byte[] plain = MessageDigest.getInstance("SHA-256")
                .digest(NUMBER.getBytes(StandardCharsets.UTF_8));

        assertThat(cipher.lookupHash(DocumentType.RESIDENT_ID_CARD, NUMBER)).isNotEqualTo(plain);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] expected = cipher.lookupHash(DocumentType.PASSPORT, "E12345678");
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (!Arrays.equals(expected, cipher.lookupHash(DocumentType.PASSPORT, "E12345678"))
                            || !"E12345678".equals(cipher.decrypt(Field.DOCUMENT,
                            cipher.encrypt(Field.DOCUMENT, "E12345678")))) {
                        failures.add(Thread.currentThread().getName());
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
    }

    private static SecretKey key(String seed, String algorithm) {
        byte[] bytes = new byte[32];
        byte[] source = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (source[i % source.length] + i);
        }
        return new SecretKeySpec(bytes, algorithm);
    }
}
