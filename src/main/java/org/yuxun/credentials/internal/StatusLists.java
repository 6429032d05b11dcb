package org.yuxun.credentials.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One W3C Bitstring Status List per issuer (statusPurpose {@code revocation}): the credential with index i is
 * revoked when bit i is set, counting from the left-most bit of the first byte. The list is never shorter than
 * the 131,072 bits (16 KB) the specification requires, so that one credential's bit hides among many.
 */
@Component
public class StatusLists {

    /** Bitstring Status List §"Bitstring Generation Algorithm": at least 16 KB of bits. */
    static final int MINIMUM_BYTES = 131_072 / 8;

    private final JdbcClient jdbc;

    StatusLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the issuer has a list yet. */
    public boolean exists(long issuerId) {
        return jdbc.sql("select 1 from credential_status_list where issuer_id = ?").param(issuerId)
                .query(Integer.class).optional().isPresent();
    }

    /**
     * The next free index in the issuer's list, creating the list on first use. The row lock taken by the update
     * serialises concurrent issuances of one issuer, so no two credentials share a bit.
     */
    public long allocate(long issuerId) {
        jdbc.sql("insert into credential_status_list (issuer_id, bits) values (?, ?) on conflict do nothing")
                .params(issuerId, new byte[MINIMUM_BYTES]).update();
        return jdbc.sql("""
                        update credential_status_list set next_index = next_index + 1, version = version + 1
                        where issuer_id = ? returning next_index - 1""")
                .param(issuerId).query(Long.class).single();
    }

    /** Sets bit {@code index}; returns whether it changed. */
    public boolean set(long issuerId, long index) {
        byte[] bits = jdbc.sql("select bits from credential_status_list where issuer_id = ? for update")
                .param(issuerId).query(byte[].class).single();
        if (isSet(bits, index)) {
            return false;
        }
        int byteIndex = Math.toIntExact(index / 8);
        if (byteIndex >= bits.length) {
            int grown = (byteIndex / MINIMUM_BYTES + 1) * MINIMUM_BYTES;
            bits = Arrays.copyOf(bits, grown);
        }
        bits[byteIndex] |= (byte) (0x80 >>> (index % 8));
        jdbc.sql("""
                        update credential_status_list set bits = ?, version = version + 1, updated_at = now()
                        where issuer_id = ?""")
                .params(bits, issuerId).update();
        return true;
    }

    /**
     * Whether bit {@code index} of the issuer's list is set; an issuer without a list has revoked nothing. The bit
     * is read in the database, so a verification moves one byte, not the whole list; PostgreSQL's {@code get_bit}
     * counts from the right-most bit of each byte, the status list from the left-most.
     */
    public boolean isSet(long issuerId, long index) {
        if (index < 0) {
            return false;
        }
        return jdbc.sql("""
                        select get_bit(bits, :byte * 8 + 7 - :bit) = 1 from credential_status_list
                        where issuer_id = :issuer and length(bits) > :byte""")
                .param("byte", index / 8).param("bit", (int) (index % 8)).param("issuer", issuerId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The issuer's bits, if it has a list. */
    public Optional<byte[]> bits(long issuerId) {
        return jdbc.sql("select bits from credential_status_list where issuer_id = ?").param(issuerId)
                .query(byte[].class).optional();
    }

    /** The signed BitstringStatusListCredential last stored for the issuer. */
    public Optional<String> signed(long issuerId) {
        return jdbc.sql("select status_jwt from credential_status_list where issuer_id = ? and status_jwt is not null")
                .param(issuerId).query(String.class).optional();
    }

    public void storeSigned(long issuerId, String jwt) {
        jdbc.sql("update credential_status_list set status_jwt = ? where issuer_id = ?").params(jwt, issuerId)
                .update();
    }

    static boolean isSet(byte[] bits, long index) {
        long byteIndex = index / 8;
        return index >= 0 && byteIndex < bits.length && (bits[(int) byteIndex] & (0x80 >>> (index % 8))) != 0;
    }

    /** {@code encodedList}: GZIP, then base64url without padding, with the multibase prefix {@code u}. */
    public static String encode(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
