package dev.tokenledger.legacy.entity;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far a copy pass has come, and at what pace the process now running it goes.
 *
 * @param rowsTotal rows in the legacy table when the pass started
 * @param rowsPerSecond rows read per second since this process took over the pass
 * @param secondsLeft at that pace; null while the pace is unknown
 */
@Schema(name = "UsageLogsMigrationProgress")
public record MigrationProgress(
        long rowsDone,
        long rowsTotal,
        double percent,
        long rowsPerSecond,
        Long secondsLeft,
        long elapsedSeconds) {

    /**
     * @param rowsThisSession rows read since this process took over
     * @param elapsed time since this process took over
     */
    public static MigrationProgress of(
            long rowsDone, long rowsTotal, long rowsThisSession, Duration elapsed) {
        long total = Math.max(rowsTotal, rowsDone);
        double percent = total == 0 ? 100.0 : Math.floor(rowsDone * 1000.0 / total) / 10.0;
        long millis = Math.max(elapsed.toMillis(), 0);
        long rate = millis == 0 ? 0 : rowsThisSession * 1000 / millis;
        Long left = rate == 0 ? null : (total - rowsDone + rate - 1) / rate;
        return new MigrationProgress(rowsDone, total, percent, rate, left, millis / 1000);
    }

    /** One log line's worth: "250000 of 1000000 rows (25.0%), 41000 rows/s, about 19 s left". */
    public String describe() {
        return rowsDone
                + " of "
                + rowsTotal
                + " rows ("
                + percent
                + "%), "
                + rowsPerSecond
                + " rows/s, "
                + (secondsLeft == null ? "time left unknown" : "about " + secondsLeft + " s left");
    }
}
