package org.lifeboat.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForgetPolicyTest {
    private static final List<SavedSnapshot> HISTORY = List.of(
            Snapshots.saved("2024-01-01T10:00:00"),
            Snapshots.saved("2024-01-01T11:00:00"),
            Snapshots.saved("2024-01-01T11:30:00"),
            Snapshots.saved("2024-01-02T09:00:00"),
            Snapshots.saved("2024-01-08T09:00:00"),
            Snapshots.saved("2024-02-15T09:00:00"),
            Snapshots.saved("2023-12-31T23:00:00"),
            Snapshots.saved("2022-06-01T00:00:00"));

    @Test
    void keepLastKeepsTheNewest() {
        ForgetPolicy.Decision decision = policy(2, 0, 0, 0, 0, 0).apply(HISTORY);

        assertThat(times(decision.keep())).containsExactly("2024-02-15T09:00Z", "2024-01-08T09:00Z");
        assertThat(decision.remove()).hasSize(6);
    }

    @Test
    void dailyKeepsTheNewestOfEachOfTheMostRecentDaysWithSnapshots() {
        ForgetPolicy.Decision decision = policy(0, 0, 3, 0, 0, 0).apply(HISTORY);

        assertThat(times(decision.keep()))
                .containsExactly("2024-02-15T09:00Z", "2024-01-08T09:00Z", "2024-01-02T09:00Z");
    }

    @Test
    void hourlyCountsCalendarHours() {
        ForgetPolicy.Decision decision = policy(0, 5, 0, 0, 0, 0).apply(HISTORY);

        // 11:00 and 11:30 on Jan 1 share an hour: only the later one is kept.
        assertThat(times(decision.keep()))
                .containsExactly(
                        "2024-02-15T09:00Z",
                        "2024-01-08T09:00Z",
                        "2024-01-02T09:00Z",
                        "2024-01-01T11:30Z",
                        "2024-01-01T10:00Z");
    }

    @Test
    void weeklyUsesIsoWeeksAndYearlyCalendarYears() {
        // 2023-12-31 is a Sunday in ISO week 2023-52; 2024-01-01 to 01-02 are week 2024-01.
        assertThat(times(policy(0, 0, 0, 4, 0, 0).apply(HISTORY).keep()))
                .containsExactly("2024-02-15T09:00Z", "2024-01-08T09:00Z", "2024-01-02T09:00Z", "2023-12-31T23:00Z");
        assertThat(times(policy(0, 0, 0, 0, 0, 10).apply(HISTORY).keep()))
                .containsExactly("2024-02-15T09:00Z", "2023-12-31T23:00Z", "2022-06-01T00:00Z");
    }

    @Test
    void rulesCombineAndEachKeptSnapshotSaysWhy() {
        ForgetPolicy.Decision decision = policy(1, 0, 0, 0, 2, 0).apply(HISTORY);

        assertThat(decision.keep())
                .extracting(ForgetPolicy.Kept::reasons)
                .containsExactly(List.of("last snapshot", "monthly snapshot"), List.of("monthly snapshot"));
        assertThat(times(decision.keep())).containsExactly("2024-02-15T09:00Z", "2024-01-08T09:00Z");
    }

    @Test
    void taggedSnapshotsAreKeptWithoutCounting() {
        List<SavedSnapshot> snapshots = List.of(
                Snapshots.saved("2024-01-01T00:00:00", "h", List.of("keep", "x")),
                Snapshots.saved("2024-01-02T00:00:00", "h", List.of("keep")),
                Snapshots.saved("2024-01-03T00:00:00", "h", List.of()));
        ForgetPolicy policy = new ForgetPolicy(1, 0, 0, 0, 0, 0, List.of(Set.of("keep", "x")));

        ForgetPolicy.Decision decision = policy.apply(snapshots);

        assertThat(times(decision.keep())).containsExactly("2024-01-03T00:00Z", "2024-01-01T00:00Z");
        assertThat(decision.keep().get(1).reasons()).containsExactly("has tags [keep x]");
    }

    @Test
    void periodsAreJudgedInTheSnapshotsOwnTimeZone() {
        // The same instant is Jan 1 in UTC but Dec 31 in New York.
        List<SavedSnapshot> snapshots =
                List.of(Snapshots.saved("2024-01-01T03:00:00Z"), Snapshots.saved("2023-12-31T21:30:00-05:00"));

        assertThat(policy(0, 0, 5, 0, 0, 0).apply(snapshots).keep()).hasSize(2);
    }

    @Test
    void anEmptyPolicyRemovesNothing() {
        assertThat(policy(0, 0, 0, 0, 0, 0).apply(HISTORY).remove()).isEmpty();
    }

    @Test
    void groupsByHostAndSortedPaths() {
        SavedSnapshot a = Snapshots.saved("2024-01-01T00:00:00", "phone", List.of());
        SavedSnapshot b = Snapshots.saved("2024-01-02T00:00:00", "laptop", List.of());
        SavedSnapshot c = Snapshots.saved("2024-01-03T00:00:00", "phone", List.of());

        Map<SnapshotGroups.Key, List<SavedSnapshot>> groups = SnapshotGroups.byHostAndPaths(List.of(a, b, c));

        assertThat(groups)
                .containsOnlyKeys(
                        new SnapshotGroups.Key("phone", List.of("/data")),
                        new SnapshotGroups.Key("laptop", List.of("/data")));
        assertThat(groups.get(new SnapshotGroups.Key("phone", List.of("/data"))))
                .containsExactly(a, c);
        assertThat(new SnapshotGroups.Key("h", List.of("/b", "/a")))
                .isEqualTo(new SnapshotGroups.Key("h", List.of("/a", "/b")));
    }

    private static ForgetPolicy policy(int last, int hourly, int daily, int weekly, int monthly, int yearly) {
        return new ForgetPolicy(last, hourly, daily, weekly, monthly, yearly, List.of());
    }

    private static List<String> times(List<ForgetPolicy.Kept> kept) {
        return kept.stream().map(k -> k.snapshot().snapshot().time().toString()).toList();
    }
}
