package org.yuxun.training.enrolment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.MasterKey;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * The rows of a roster file that passed the checking job, kept beside the upload until its rows are enrolled, so
 * the enrolling job neither reads nor validates the file a second time. The rows hold identity and phone numbers,
 * personal data that must not rest in plain (DESIGN.md, "Personal data (PIPL)";《个人信息保护法》art. 51): the
 * file is compressed and encrypted with AES-256-GCM under a key derived from the master key for this purpose
 * alone, with the upload's own name bound in as associated data, so the rows of one upload cannot pass for
 * another's. Format: {@code [1][IV 12 bytes][ciphertext + 16-byte tag]} over the deflated row stream.
 */
@Component
class CheckedRoster {

    private static final byte FORMAT = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    CheckedRoster(MasterKey masterKey) {
        this(masterKey.derive("training.import.checked-rows", "AES"));
    }

    CheckedRoster(SecretKey key) {
        this.key = key;
    }

    /** The file that keeps the checked rows of an upload: the upload's name with {@code .rows} in place of {@code .xlsx}. */
    static Path beside(Path upload) {
        String name = upload.getFileName().toString();
        return upload.resolveSibling(name.substring(0, name.length() - ".xlsx".length()) + ".rows");
    }

    /** Writes the rows, encrypted, beside the upload. */
    void write(Path upload, List<RosterValidator.ValidRow> rows) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(rows.size() * 48 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(plain, deflater, 1 << 16))) {
            out.writeInt(rows.size());
            for (RosterValidator.ValidRow row : rows) {
                out.writeInt(row.row());
                out.writeUTF(row.details().name());
                out.writeUTF(row.details().documentType().name());
                out.writeUTF(row.details().documentNumber());
                writeNullable(out, row.details().phone());
                out.writeUTF(row.group().name());
                writeNullable(out, row.employer());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(upload));
            sealed = cipher.doFinal(plain.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        Path target = beside(upload);
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(temporary, ByteBuffer.allocate(1 + IV_LENGTH + sealed.length).put(FORMAT).put(iv).put(sealed)
                    .array());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows kept for the upload, if the checking job wrote them.
     *
     * @throws IllegalStateException when the file was altered or belongs to another upload
     */
    Optional<List<RosterValidator.ValidRow>> read(Path upload) {
        Path file = beside(upload);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stored.length < 1 + IV_LENGTH + TAG_BITS / 8 || stored[0] != FORMAT) {
            throw new IllegalStateException("The checked rows of an import are not in a known format");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_LENGTH));
            cipher.updateAAD(associatedData(upload));
            plain = cipher.doFinal(stored, 1 + IV_LENGTH, stored.length - 1 - IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The checked rows of an import failed their integrity check", e);
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(plain),
                new Inflater(), 1 << 16))) {
            int count = in.readInt();
            List<RosterValidator.ValidRow> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int row = in.readInt();
                String name = in.readUTF();
                DocumentType type = DocumentType.valueOf(in.readUTF());
                String number = in.readUTF();
                String phone = readNullable(in);
                EnrolmentPriorityGroup group = EnrolmentPriorityGroup.valueOf(in.readUTF());
                String employer = readNullable(in);
                rows.add(new RosterValidator.ValidRow(row, new Learners.Details(name, type, number, phone), group,
                        employer, type.name() + ":" + number));
            }
            return Optional.of(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the rows kept for the upload, if any. */
    static void delete(Path upload) {
        try {
            Files.deleteIfExists(beside(upload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] associatedData(Path upload) {
        return ("training.import:" + upload.getFileName()).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
