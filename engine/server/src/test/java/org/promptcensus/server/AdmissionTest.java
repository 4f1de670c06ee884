package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void slotsThenQueueThenRefusal() throws Exception {
        Admission a = new Admission(1, 1);
        Admission.Permit first = a.enter(in(1000));
        assertThat(a.inFlight()).isEqualTo(1);
        CompletableFuture<Admission.Permit> queued = CompletableFuture.supplyAsync(() -> a.enter(in(5000)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (a.queued() == 0 && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(a.queued()).isEqualTo(1);
        assertThatThrownBy(() -> a.enter(in(1000))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("saturated");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        first.close();
        first.close();
        Admission.Permit second = queued.get(5, TimeUnit.SECONDS);
        assertThat(a.inFlight()).isEqualTo(1);
        assertThat(a.queued()).isZero();
        second.close();
        assertThat(a.inFlight()).isZero();
    }

    @Test
    void queuedRequestsGiveUpAtTheirDeadline() {
        Admission a = new Admission(1, 4);
        Admission.Permit held = a.enter(in(1000));
        assertThatThrownBy(() -> a.enter(in(50))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("timeout"));
        assertThat(a.queued()).isZero();
        held.close();
        Admission none = new Admission(1, 0);
        Admission.Permit only = none.enter(in(1000));
        assertThatThrownBy(() -> none.enter(in(1000))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("saturated"));
        only.close();
        assertThat(none.inFlight()).isZero();
    }
}
