package dev.tokenledger.legacy.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationProgressTest {

    @Test
    void halfwayAtAThousandRowsASecondLeavesAsLongAgain() {
        MigrationProgress progress =
                MigrationProgress.of(500_000, 1_000_000, 500_000, Duration.ofSeconds(500));

        assertThat(progress.percent()).isEqualTo(50.0);
        assertThat(progress.rowsPerSecond()).isEqualTo(1_000);
        assertThat(progress.secondsLeft()).isEqualTo(500);
        assertThat(progress.describe())
                .isEqualTo("500000 of 1000000 rows (50.0%), 1000 rows/s, about 500 s left");
    }

    @Test
    void thePaceCountsOnlyTheRowsOfTheProcessThatResumed() {
        MigrationProgress progress =
                MigrationProgress.of(600_000, 1_000_000, 100_000, Duration.ofSeconds(50));

        assertThat(progress.rowsPerSecond()).isEqualTo(2_000);
        assertThat(progress.secondsLeft()).isEqualTo(200);
    }

    @Test
    void withoutAPaceTheTimeLeftIsUnknown() {
        MigrationProgress progress = MigrationProgress.of(0, 10, 0, Duration.ZERO);

        assertThat(progress.secondsLeft()).isNull();
        assertThat(progress.describe()).endsWith("time left unknown");
    }

    @Test
    void rowsAddedDuringAPassRaiseTheTotalInsteadOfPassingAHundredPercent() {
        MigrationProgress progress =
                MigrationProgress.of(1_200, 1_000, 1_200, Duration.ofSeconds(1));

        assertThat(progress.rowsTotal()).isEqualTo(1_200);
        assertThat(progress.percent()).isEqualTo(100.0);
        assertThat(MigrationProgress.of(0, 0, 0, Duration.ZERO).percent()).isEqualTo(100.0);
    }

    @Test
    void percentIsRoundedDownSoItReachesAHundredOnlyAtTheEnd() {
        assertThat(MigrationProgress.of(999_999, 1_000_000, 1, Duration.ofSeconds(1)).percent())
                .isEqualTo(99.9);
    }
}
