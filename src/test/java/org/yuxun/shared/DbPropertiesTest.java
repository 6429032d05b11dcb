package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The database settings' defaults: the pool follows the machine's cores unless it is set. */
class DbPropertiesTest {

    @Test
    void thePoolHasTwoConnectionsPerCoreAndFourForBackgroundWorkUnlessSet() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(db(null).poolSize()).isEqualTo(2 * cores + 4);
        assertThat(db(0).poolSize()).isEqualTo(2 * cores + 4);
        assertThat(db(30).poolSize()).isEqualTo(30);
    }

    private static YuxunProperties.Db db(Integer poolSize) {
        return new YuxunProperties.Db(null, null, null, null, null, null, null, poolSize, false);
    }
}
