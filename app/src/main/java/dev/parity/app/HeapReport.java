package dev.parity.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * For benchmarks ({@code -Dparity.heap-report=true}): {@code peak_heap_mb}, the most heap in use at
 * once during the run — sampled every 20 ms and taken before every collection — printed on stderr at
 * exit. It is at most {@code -Xmx}, and mostly says how far G1 let garbage pile up before collecting;
 * that a run completes under a small {@code -Xmx} says more about what it keeps alive.
 */
final class HeapReport {

	private final AtomicLong peak = new AtomicLong();

	private HeapReport() {
	}

	static HeapReport start() {
		HeapReport report = new HeapReport();
		Thread sampler = new Thread(() -> {
			while (true) {
				report.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "parity-heap-report");
		sampler.setDaemon(true);
		sampler.start();
		// a collection's usage maps cover every memory pool, metaspace and code cache included: heap only
		java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.map(java.lang.management.MemoryPoolMXBean::getName)
			.collect(java.util.stream.Collectors.toSet());
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener((notification, handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
						var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
						long before = info.getGcInfo()
							.getMemoryUsageBeforeGc()
							.entrySet()
							.stream()
							.filter((pool) -> heapPools.contains(pool.getKey()))
							.mapToLong((pool) -> pool.getValue().getUsed())
							.sum();
						report.peak.accumulateAndGet(before, Math::max);
					}
				}, null, null);
			}
		}
		return report;
	}

	void print() {
		peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
		System.err.println("peak_heap_mb=" + peak.get() / (1024 * 1024));
	}

}
