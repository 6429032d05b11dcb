package org.yuxun.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data shipped in the repository: GB/T 2260 regions ({@code data/regions/regions.csv}, source
 * and licence in {@code data/regions/SOURCE.md}), GB/T 4754-2017 industry sections and the starter list of
 * occupations of the 国家职业分类大典 ({@code data/SOURCE.md}).
 */
@Component
class V202611230011__organization_reference_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        copy(connection, "region (code, name, level, parent_code)", "data/regions/regions.csv");
        copy(connection, "industry (code, name, name_en)", "data/industries.csv");
        copy(connection, "occupation (code, name)", "data/occupations.csv");
    }

    private static void copy(Connection connection, String target, String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
             InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + target + " from stdin with (format csv, header true)", reader);
        } catch (IOException e) {
            throw new IllegalStateException("Reference data " + resource + " is missing or unreadable", e);
        }
    }
}
