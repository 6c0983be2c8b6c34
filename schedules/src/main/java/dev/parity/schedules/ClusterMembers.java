package dev.parity.schedules;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which Quartz scheduler instances of the cluster are alive: those with a row in Quartz's
 * {@code QRTZ_SCHEDULER_STATE}. A node that stops checking in is removed from it by the cluster
 * recovery of the others (after {@code clusterCheckinInterval} plus a grace period).
 */
class ClusterMembers {

	private final JdbcTemplate control;

	ClusterMembers(DataSource control) {
		this.control = new JdbcTemplate(control);
	}

	boolean alive(String schedulerName, String instanceId) {
		Integer count = control.queryForObject(
				"SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?", Integer.class,
				schedulerName, instanceId);
		return count != null && count > 0;
	}

}
