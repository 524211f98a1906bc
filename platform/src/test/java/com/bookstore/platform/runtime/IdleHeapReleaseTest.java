package com.bookstore.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.bookstore.platform.runtime.IdleHeapRelease.QuietAfterGrowth;
import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MB = 1L << 20;

    private final QuietAfterGrowth policy = new QuietAfterGrowth(5 * SECOND, 8 * MB);

    @Test
    void collectsOnceTheCollectorsHaveBeenQuietAfterTheOldGenerationGrew() {
        assertThat(policy.shouldCollect(0, 100, 60 * MB, 40 * MB)).isFalse(); // first look
        assertThat(policy.shouldCollect(2 * SECOND, 100, 60 * MB, 40 * MB)).isFalse(); // quiet for 2 s only
        assertThat(policy.shouldCollect(5 * SECOND, 100, 60 * MB, 40 * MB)).isTrue();
    }

    @Test
    void neverWhileCollectionsKeepRunningThatIsUnderLoad() {
        long collections = 100;
        for (long t = 0; t < 60 * SECOND; t += 2 * SECOND) {
            collections += 7;
            assertThat(policy.shouldCollect(t, collections, 60 * MB, 40 * MB)).isFalse();
        }
    }

    @Test
    void neverWhenTheOldGenerationHoldsLittleMoreThanAfterItsLastCollection() {
        policy.shouldCollect(0, 100, 47 * MB, 40 * MB);
        assertThat(policy.shouldCollect(60 * SECOND, 100, 47 * MB, 40 * MB)).isFalse();
    }

    @Test
    void theCollectionItselfResetsTheWatchSoAnIdleServiceIsCollectedOnce() {
        policy.shouldCollect(0, 100, 60 * MB, 40 * MB);
        assertThat(policy.shouldCollect(6 * SECOND, 100, 60 * MB, 40 * MB)).isTrue();
        // the full collection ran: one more collection, the old generation down to what is live
        assertThat(policy.shouldCollect(8 * SECOND, 101, 41 * MB, 41 * MB)).isFalse();
        for (long t = 10 * SECOND; t < 120 * SECOND; t += 2 * SECOND) {
            assertThat(policy.shouldCollect(t, 101, 41 * MB, 41 * MB)).isFalse();
        }
    }

    @Test
    void findsThisJvmsOldGenerationAndChecksIt() {
        IdleHeapRelease release = IdleHeapRelease.forThisJvm();
        assertThatCode(release::check).doesNotThrowAnyException();
        release.start();
        try {
            assertThat(release.isRunning())
                    .as("an old generation was found and is watched")
                    .isTrue();
        } finally {
            release.stop();
        }
        assertThat(release.isRunning()).isFalse();
    }
}
