package org.lifeboat.repository.snapshot;

import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongBiFunction;

/**
 * restic's expire policy ({@code internal/restic/snapshot_policy.go}, {@code ApplyPolicy}) for one group of
 * snapshots.
 *
 * <p>Going from newest to oldest, each {@code --keep-X N} keeps the newest snapshot of each of the N most recent X
 * periods that have a snapshot (calendar hour, day, ISO week, month, year, in the snapshot's own time zone);
 * {@code --keep-last N} keeps the N newest. A snapshot carrying all tags of one {@code --keep-tag} set is always kept
 * and is not counted. Snapshots no rule keeps are removed.
 */
public record ForgetPolicy(
        int last, int hourly, int daily, int weekly, int monthly, int yearly, List<Set<String>> keepTags) {
    public ForgetPolicy {
        for (int count : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
            if (count < 0) {
                throw new IllegalArgumentException("keep counts are 0 or more, got " + count);
            }
        }
        keepTags = List.copyOf(keepTags);
    }

    /** Whether no rule is given; restic then removes nothing, and so do we. */
    public boolean isEmpty() {
        return last == 0
                && hourly == 0
                && daily == 0
                && weekly == 0
                && monthly == 0
                && yearly == 0
                && keepTags.isEmpty();
    }

    /** One snapshot the policy keeps, and the rules that keep it, worded as restic prints them. */
    public record Kept(SavedSnapshot snapshot, List<String> reasons) {}

    /** The decision for one group: kept (newest first, with reasons) and removed (newest first). */
    public record Decision(List<Kept> keep, List<SavedSnapshot> remove) {}

    private record Bucket(int count, ToLongBiFunction<OffsetDateTime, Integer> period, String reason) {}

    public Decision apply(List<SavedSnapshot> group) {
        List<SavedSnapshot> newestFirst = new ArrayList<>(group);
        newestFirst.sort(
                Comparator.comparing((SavedSnapshot s) -> s.snapshot().time().toInstant())
                        .reversed());
        if (isEmpty()) {
            return new Decision(
                    newestFirst.stream()
                            .map(s -> new Kept(s, List.of("policy is empty")))
                            .toList(),
                    List.of());
        }
        List<Bucket> buckets = List.of(
                new Bucket(last, (time, position) -> position, "last snapshot"),
                new Bucket(hourly, (time, position) -> ymd(time) * 100 + time.getHour(), "hourly snapshot"),
                new Bucket(daily, (time, position) -> ymd(time), "daily snapshot"),
                new Bucket(weekly, ForgetPolicy::isoWeek, "weekly snapshot"),
                new Bucket(
                        monthly, (time, position) -> time.getYear() * 100L + time.getMonthValue(), "monthly snapshot"),
                new Bucket(yearly, (time, position) -> time.getYear(), "yearly snapshot"));
        int[] remaining = buckets.stream().mapToInt(Bucket::count).toArray();
        long[] lastPeriod = new long[buckets.size()];
        java.util.Arrays.fill(lastPeriod, Long.MIN_VALUE);

        List<Kept> keep = new ArrayList<>();
        List<SavedSnapshot> remove = new ArrayList<>();
        for (int position = 0; position < newestFirst.size(); position++) {
            SavedSnapshot candidate = newestFirst.get(position);
            List<String> reasons = new ArrayList<>();
            for (Set<String> tags : keepTags) {
                if (candidate.snapshot().hasAllTags(tags)) {
                    reasons.add("has tags ["
                            + String.join(" ", tags.stream().sorted().toList()) + "]");
                }
            }
            for (int b = 0; b < buckets.size(); b++) {
                if (remaining[b] == 0) {
                    continue;
                }
                long period =
                        buckets.get(b).period().applyAsLong(candidate.snapshot().time(), position);
                if (period != lastPeriod[b]) {
                    lastPeriod[b] = period;
                    remaining[b]--;
                    reasons.add(buckets.get(b).reason());
                }
            }
            if (reasons.isEmpty()) {
                remove.add(candidate);
            } else {
                keep.add(new Kept(candidate, List.copyOf(reasons)));
            }
        }
        return new Decision(List.copyOf(keep), List.copyOf(remove));
    }

    private static long ymd(OffsetDateTime time) {
        return time.getYear() * 10_000L + time.getMonthValue() * 100L + time.getDayOfMonth();
    }

    private static long isoWeek(OffsetDateTime time, int position) {
        return time.get(IsoFields.WEEK_BASED_YEAR) * 100L + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
