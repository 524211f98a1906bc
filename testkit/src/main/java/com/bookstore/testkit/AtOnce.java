package com.bookstore.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The races the store must win, for tests: calls made at the same moment (each on its own virtual thread, all
 * released together by a start gate), with the results in the calls' order.
 */
public final class AtOnce {

    private AtOnce() {}

    /** The same call, several times at once. */
    public static <T> List<T> run(int times, Callable<T> call) {
        return all(Collections.nCopies(times, call));
    }

    /** Every call at once. */
    public static <T> List<T> all(List<? extends Callable<T>> calls) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("A concurrent call failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }
}
