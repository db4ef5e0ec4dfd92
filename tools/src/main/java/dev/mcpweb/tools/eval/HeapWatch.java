package dev.mcpweb.tools.eval;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap a piece of work needs, measured while it runs. The peak of the heap in use says
 * little by itself: the collector lets garbage pile up until the young generation is full, and the
 * JVM sizes that generation from the heap limit (a quarter of the machine's memory by default), so
 * the same work "peaks" at 650 MB with a 6 GB limit and at 400 MB with a 480 MB one. What the work
 * holds is what survives a collection: {@link #peakLive} is the most heap in use right after any
 * collection during the watch (the live objects, plus garbage in old regions not yet reclaimed, so
 * never less than the truth). With no collection at all, it is the peak in use, also an upper bound.
 */
final class HeapWatch implements AutoCloseable {
    private final Set<String> heapPools;
    private final AtomicLong liveAfterGc = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    /** Starts watching: resets the heap pools' peaks and listens to every collection from now on. */
    HeapWatch() {
        heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void collected(Notification n, Object handback) {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        liveAfterGc.accumulateAndGet(used, Math::max);
    }

    /** The most heap in use right after a collection since the watch started (see the class comment). */
    long peakLive() {
        long live = liveAfterGc.get();
        return live >= 0 ? live : peakUsed();
    }

    /** The most heap in use at any moment since the watch started, garbage included. */
    long peakUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    /** The heap limit the JVM runs with ({@code -Xmx}, or its default). */
    static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }
}
