package org.yuxun.people.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.MasterKey;

/**
 * Protects identity document numbers and phone numbers at rest (DESIGN.md, "Personal data (PIPL)";《个人信息保护法》
 * art. 51 asks for encryption of personal information, and identity numbers are sensitive personal information
 * under art. 28).
 *
 * <p>Values are encrypted with AES-256-GCM under the key derived for {@code person.document.encryption}. Each value
 * gets a fresh random 12-byte IV, stored in front of the ciphertext with a format byte:
 * {@code [1][IV 12 bytes][ciphertext + 16-byte tag]}. The field the value belongs to is bound in as associated
 * data, so a phone ciphertext copied into the document column fails to decrypt rather than passing for a document.
 *
 * <p>Lookups use a keyed hash, HMAC-SHA256 under the key derived for {@code person.document.lookup}, over the
 * document type and the canonical number. Without the key the hash cannot be recomputed from a guessed number,
 * which a plain hash of an 18-digit number with a known structure would allow within minutes.
 *
 * <p>Instances are thread-safe. A {@link Cipher} and a {@link Mac} are kept per thread, since looking them up is
 * what a batch of a hundred thousand rows would otherwise spend its time on; each encryption still initialises its
 * cipher with a fresh IV.
 */
@Component
public class DocumentCipher {

    /** What an encrypted value belongs to; bound into the ciphertext as associated data. */
    public enum Field {
        DOCUMENT("person.document"),
        PHONE("person.phone");

        private final byte[] associatedData;

        Field(String label) {
            this.associatedData = label.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final byte FORMAT = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey encryptionKey;
    private final ThreadLocal<Mac> lookupMac;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(DocumentCipher::newCipher);
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public DocumentCipher(MasterKey masterKey) {
        this(masterKey.derive("person.document.encryption", "AES"),
                masterKey.derive("person.document.lookup", "HmacSHA256"));
    }

    public DocumentCipher(SecretKey encryptionKey, SecretKey lookupKey) {
        this.encryptionKey = encryptionKey;
        this.lookupMac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** Encrypts a value of the given field; every call gives a different result for the same value. */
    public byte[] encrypt(Field field, String plain) {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.associatedData);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_LENGTH + sealed.length).put(FORMAT).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} produced for the same field.
     *
     * @throws TamperedValue when the stored bytes were altered, belong to another field or another key
     */
    public String decrypt(Field field, byte[] stored) {
        if (stored == null || stored.length < 1 + IV_LENGTH + TAG_BITS / 8 || stored[0] != FORMAT) {
            throw new TamperedValue();
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, IV_LENGTH));
            cipher.updateAAD(field.associatedData);
            byte[] plain = cipher.doFinal(stored, 1 + IV_LENGTH, stored.length - 1 - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedValue();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** The keyed lookup hash of a document: the same type and canonical number always give the same 32 bytes. */
    public byte[] lookupHash(DocumentType type, String canonicalNumber) {
        Mac mac = lookupMac.get();
        mac.update(type.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        return mac.doFinal(canonicalNumber.getBytes(StandardCharsets.UTF_8));
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A stored value failed its integrity check: altered in the database, or encrypted under another master key.
     * The message says nothing of the value.
     */
    public static final class TamperedValue extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        TamperedValue() {
            super("An encrypted personal data value failed its integrity check");
        }
    }
}
