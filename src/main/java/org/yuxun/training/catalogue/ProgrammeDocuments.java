package org.yuxun.training.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.YuxunProperties;

/**
 * Standards attached to a programme (培训方案, 课程标准): PDF, Word or Excel files up to 20 MB, stored under
 * {@code <data-dir>/files/} with a random key so a file name never becomes a path.
 */
@Service
class ProgrammeDocuments {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A stored file ready to send. */
    record StoredFile(String fileName, String contentType, Path path) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ProgrammeCatalogue catalogue;
    private final Path directory;

    ProgrammeDocuments(JdbcClient jdbc, AuditLog audit, ProgrammeCatalogue catalogue, YuxunProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalogue = catalogue;
        this.directory = properties.dataDir().resolve("files");
    }

    @Transactional
    long attach(long programmeId, DocumentKind kind, MultipartFile file) {
        ProgrammeCatalogue.ProgrammeView programme = catalogue.get(programmeId);
        ProgrammeCatalogue.state(programme).requireEditable();
        if (kind == null) {
            throw new InvalidInput("kind", "programme.document.kind", "请选择文件类别");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "programme.document.empty", "请选择要上传的文件");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInput("file", "programme.document.tooLarge", "文件不能超过 20 MB");
        }
        String name = Path.of(String.valueOf(file.getOriginalFilename())).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String contentType = TYPES.get(extension);
        if (contentType == null) {
            throw new InvalidInput("file", "programme.document.type", "只能上传 PDF、Word 或 Excel 文件");
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String key = UUID.randomUUID().toString();
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve(key), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = jdbc.sql("""
                        insert into programme_document (programme_id, kind, file_name, content_type, size_bytes,
                                                        storage_key)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(programmeId, kind.name(), name, contentType, file.getSize(), key)
                .query(Long.class).single();
        audit.record("ATTACH", "Programme", programmeId, programme.name() + "：" + name, null, name);
        return id;
    }

    StoredFile open(long programmeId, long documentId) {
        return jdbc.sql("""
                        select file_name, content_type, storage_key from programme_document
                        where id = ? and programme_id = ?""")
                .params(documentId, programmeId)
                .query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"),
                        directory.resolve(rs.getString("storage_key"))))
                .optional()
                .filter(f -> Files.isReadable(f.path()))
                .orElseThrow(() -> new NotFound("ProgrammeDocument", documentId));
    }

    @Transactional
    void remove(long programmeId, long documentId) {
        ProgrammeCatalogue.ProgrammeView programme = catalogue.get(programmeId);
        ProgrammeCatalogue.state(programme).requireEditable();
        StoredFile file = open(programmeId, documentId);
        jdbc.sql("delete from programme_document where id = ? and programme_id = ?").params(documentId, programmeId)
                .update();
        audit.record("DETACH", "Programme", programmeId, programme.name() + "：" + file.fileName(), file.fileName(),
                null);
    }
}
