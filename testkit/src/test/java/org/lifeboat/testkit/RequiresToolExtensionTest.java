package org.lifeboat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class RequiresToolExtensionTest {

    @AfterEach
    void clearOverrides() {
        System.clearProperty("lifeboat.testkit.path");
        System.clearProperty("lifeboat.testkit.requireTools");
    }

    @Test
    void missingToolSkipsWhenToolsAreNotRequired() {
        System.setProperty("lifeboat.testkit.path", "/nonexistent-lifeboat-path");
        System.setProperty("lifeboat.testkit.requireTools", "0");

        Events events = run(NeedsRestic.class);

        // The class is skipped as a whole, so its expensive set-up (starting phones, adb servers) never runs.
        events.assertStatistics(s -> s.skipped(1).failed(0));
        assertThat(events.skipped().list().get(0).getPayload(String.class))
                .hasValueSatisfying(reason -> assertThat(reason).contains("restic is not on PATH"));
    }

    @Test
    void missingToolFailsWhenToolsAreRequired() {
        System.setProperty("lifeboat.testkit.path", "/nonexistent-lifeboat-path");
        System.setProperty("lifeboat.testkit.requireTools", "1");

        Events events = run(NeedsRestic.class);

        events.assertStatistics(s -> s.skipped(0).failed(1));
        assertThat(events.succeeded().list())
                .noneMatch(e -> e.getTestDescriptor().isTest());
    }

    @Test
    void presentToolRunsTheTest() {
        String shellDir = ExternalTools.find("sh").orElseThrow().getParent().toString();
        System.setProperty("lifeboat.testkit.path", shellDir);
        System.setProperty("lifeboat.testkit.requireTools", "1");

        Events events = run(NeedsShell.class);

        events.assertStatistics(s -> s.failed(0).skipped(0));
        assertThat(events.succeeded().list())
                .anyMatch(e -> e.getTestDescriptor().isTest());
    }

    @Test
    void failureMessageNamesTheToolAndItsPackage() {
        System.setProperty("lifeboat.testkit.path", "/nonexistent-lifeboat-path");
        System.setProperty("lifeboat.testkit.requireTools", "1");

        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NeedsRestic.class))
                .execute()
                .allEvents()
                .failed()
                .list();

        assertThat(events).hasSize(1);
        Throwable cause = events.get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(cause).hasMessageContaining("restic is not on PATH").hasMessageContaining("apt-get install restic");
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .allEvents();
    }

    @RequiresTool("restic")
    static class NeedsRestic {
        @Test
        void usesRestic() {
            assertThat(ExternalTools.find("restic")).isPresent();
        }
    }

    @RequiresTool("sh")
    static class NeedsShell {
        @Test
        void usesShell() {
            assertThat(ExternalTools.path("sh")).isExecutable();
        }
    }
}
