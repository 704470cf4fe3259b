package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.crypto.Password;

class RepositoryOptionsTest {
    private static final Path HOME = Path.of("/home/alice");

    private static RepositoryOptions options(Map<String, String> variables, String os) {
        return new RepositoryOptions().withEnvironment(new CliEnvironment(variables, Optional.empty(), os, HOME));
    }

    @Test
    void repositoryDefaultsFollowXdgAndPlatformConventions() {
        assertThat(options(Map.of(), "Linux").repositoryPath())
                .isEqualTo(Path.of("/home/alice/.local/share/lifeboat/repository"));
        assertThat(options(Map.of("XDG_DATA_HOME", "/data"), "Linux").repositoryPath())
                .isEqualTo(Path.of("/data/lifeboat/repository"));
        assertThat(options(Map.of("XDG_DATA_HOME", "relative"), "Linux").repositoryPath())
                .as("a relative XDG_DATA_HOME is ignored")
                .isEqualTo(Path.of("/home/alice/.local/share/lifeboat/repository"));
        assertThat(options(Map.of(), "Mac OS X").repositoryPath())
                .isEqualTo(Path.of("/home/alice/Library/Application Support/lifeboat/repository"));
        assertThat(options(Map.of("LIFEBOAT_REPOSITORY", "/srv/backup", "XDG_DATA_HOME", "/data"), "Linux")
                        .repositoryPath())
                .isEqualTo(Path.of("/srv/backup"));
    }

    @Test
    void passwordComesFromTheEnvironmentOrIsAskedTwiceForANewRepository() {
        assertThat(options(Map.of("LIFEBOAT_PASSWORD", "from-env"), "Linux")
                        .password()
                        .sameAs(Password.of("from-env")))
                .isTrue();

        Deque<String> answers = new ArrayDeque<>(java.util.List.of("typed", "typed"));
        RepositoryOptions prompting = new RepositoryOptions()
                .withEnvironment(new CliEnvironment(
                        Map.of(), Optional.of(prompt -> answers.pop().toCharArray()), "Linux", HOME));
        assertThat(prompting.newRepositoryPassword().sameAs(Password.of("typed")))
                .isTrue();
        assertThat(answers).isEmpty();

        Deque<String> mismatch = new ArrayDeque<>(java.util.List.of("one", "two"));
        RepositoryOptions mismatched = new RepositoryOptions()
                .withEnvironment(new CliEnvironment(
                        Map.of(), Optional.of(prompt -> mismatch.pop().toCharArray()), "Linux", HOME));
        assertThatThrownBy(mismatched::newRepositoryPassword)
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("do not match");
    }
}
