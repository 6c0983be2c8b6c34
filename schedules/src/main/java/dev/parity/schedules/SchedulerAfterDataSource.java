package dev.parity.schedules;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Makes the Quartz scheduler depend on the DataSources, so that on shutdown the scheduler stops (and
 * its cluster manager checks out) before the control database's pool closes. Boot hands the DataSource
 * to the scheduler through a customizer, which Spring does not see as a dependency.
 */
class SchedulerAfterDataSource implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
		String[] dataSources = beans.getBeanNamesForType(DataSource.class, true, false);
		for (String scheduler : beans.getBeanNamesForType(SchedulerFactoryBean.class, true, false)) {
			String name = scheduler.startsWith("&") ? scheduler.substring(1) : scheduler;
			BeanDefinition definition = beans.getBeanDefinition(name);
			String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
			String[] merged = Arrays.copyOf(dependsOn, dependsOn.length + dataSources.length);
			System.arraycopy(dataSources, 0, merged, dependsOn.length, dataSources.length);
			definition.setDependsOn(merged);
		}
	}

}
