package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuxun.identity.RoleManagement.PermissionMatrix;

class PermissionMatrixTest {

    @Test
    void splitsEveryPermissionIntoGroupAndAction() {
        assertThat(Permission.INSTITUTION_EDIT.group()).isEqualTo("INSTITUTION");
        assertThat(Permission.INSTITUTION_EDIT.action()).isEqualTo("EDIT");
        assertThat(Permission.PERSON_REVEAL_IDENTITY.action()).isEqualTo("REVEAL_IDENTITY");
        assertThat(Permission.USER_RESET_PASSWORD.group()).isEqualTo("USER");
        assertThat(Permission.USER_RESET_PASSWORD.action()).isEqualTo("RESET_PASSWORD");
        assertThat(Permission.API_TOKEN_MANAGE.group()).isEqualTo("API_TOKEN");
        for (Permission p : Permission.values()) {
            assertThat(p.group() + "_" + p.action()).isEqualTo(p.name());
        }
    }

    @Test
    void placesEachPermissionInExactlyOneCell() {
        PermissionMatrix matrix = PermissionMatrix.of(Permission.values());
        assertThat(matrix.groups()).startsWith("REGION", "AUTHORITY", "INSTITUTION");
        assertThat(matrix.actions()).startsWith("VIEW", "CREATE", "EDIT", "DEACTIVATE");
        int cells = 0;
        for (String group : matrix.groups()) {
            for (String action : matrix.actions()) {
                Permission p = matrix.at(group, action);
                if (p != null) {
                    assertThat(p.group()).isEqualTo(group);
                    assertThat(p.action()).isEqualTo(action);
                    cells++;
                }
            }
        }
        assertThat(cells).isEqualTo(Permission.values().length);
        assertThat(matrix.at("REGION", "EDIT")).isNull();
    }
}
