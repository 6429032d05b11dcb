package org.yuxun.training.enrolment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.YuxunProperties;

/**
 * Evidence of a priority-group category (退役军人证, 残疾人证, …) uploaded with a public enrolment: images and PDF of
 * at most {@value #MAX_MB} MB each, recognised by their content rather than their name, kept under
 * {@code <data-dir>/files/evidence/}.
 */
@Component
class EvidenceFiles {

    static final int MAX_MB = 10;
    static final int MAX_FILES = 5;
    private static final long MAX_BYTES = MAX_MB * 1024L * 1024L;

    /** A stored file, as {@code enrolment_evidence} records it. */
    record Stored(String fileName, String contentType, long size, String storageKey) {
    }

    private final Path directory;

    EvidenceFiles(YuxunProperties properties) {
        this.directory = properties.dataDir().resolve("files").resolve("evidence");
    }

    /**
     * Checks and stores the files; empty parts (a file input left empty) are ignored.
     *
     * @throws InvalidInput at {@code evidence} for a file too large, of another type, or too many files
     */
    List<Stored> store(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > MAX_FILES) {
            throw new InvalidInput("evidence", "enrolment.evidence.count", "证明材料最多上传5个文件", MAX_FILES);
        }
        List<Stored> stored = new ArrayList<>();
        for (MultipartFile file : given) {
            if (file.getSize() > MAX_BYTES) {
                throw new InvalidInput("evidence", "enrolment.evidence.size", "每个证明材料不能超过10MB", MAX_MB);
            }
            String type = contentType(file);
            if (type == null) {
                throw new InvalidInput("evidence", "enrolment.evidence.type", "证明材料只能是图片（JPG、PNG）或PDF文件");
            }
            stored.add(write(file, type));
        }
        return stored;
    }

    private Stored write(MultipartFile file, String type) {
        String key = "evidence/" + UUID.randomUUID() + extension(type);
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve(key.substring("evidence/".length())), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getOriginalFilename() == null ? "evidence" : Path.of(file.getOriginalFilename())
                .getFileName().toString();
        return new Stored(name.length() > 200 ? name.substring(name.length() - 200) : name, type, file.getSize(), key);
    }

    /** The type told by the first bytes: JPEG, PNG or PDF; null for anything else. */
    private static String contentType(MultipartFile file) {
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            return null;
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (head.length >= 5 && new String(head, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        return null;
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
    }
}
