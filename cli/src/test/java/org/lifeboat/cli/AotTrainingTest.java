package org.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up cache covers what the training run exercises, so every step of it must keep working. */
class AotTrainingTest {
    @TempDir
    Path work;

    @Test
    void everyTrainingStepSucceeds() throws Exception {
        assertThat(AotTraining.train(work)).isEmpty();
    }
}
