package dev.parity.schedules;

import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Finds a Spring Batch job by its short name ({@code counts} → the {@code countsJob} bean) among the
 * application's {@link Job} beans, so that schedules start jobs by name without knowing the jobs
 * module. Empty when this version of Parity has no such job.
 */
class JobLocator {

	private final ListableBeanFactory beans;

	JobLocator(ListableBeanFactory beans) {
		this.beans = beans;
	}

	static String beanName(String shortName) {
		return shortName + "Job";
	}

	Optional<Job> find(String shortName) {
		String name = beanName(shortName);
		if (!beans.containsBean(name) || !beans.isTypeMatch(name, Job.class)) {
			return Optional.empty();
		}
		return Optional.of(beans.getBean(name, Job.class));
	}

}
