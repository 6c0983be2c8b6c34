package dev.parity.schedules;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's {@link LocalDataSourceJobStore} with connection names of its own per scheduler instance.
 * Spring registers the DataSource in Quartz's JVM-wide {@link DBConnectionManager} under the scheduler
 * name only, so two cluster nodes in one JVM (the clustering test) would share the last one's pool;
 * here each instance looks its pool up by scheduler name and instance id.
 */
public class ParityJobStore extends LocalDataSourceJobStore {

	@Override
	public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
		DataSource transactional = SchedulerFactoryBean.getConfigTimeDataSource();
		DataSource plain = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
		super.initialize(loadHelper, signaler);
		DataSource nonTransactional = plain != null ? plain : transactional;
		String suffix = "." + getInstanceName() + "." + getInstanceId();
		setDataSource(TX_DATA_SOURCE_PREFIX + suffix.substring(1));
		setNonManagedTXDataSource(NON_TX_DATA_SOURCE_PREFIX + suffix.substring(1));
		DBConnectionManager.getInstance().addConnectionProvider(getDataSource(),
				provider(() -> DataSourceUtils.doGetConnection(transactional)));
		DBConnectionManager.getInstance().addConnectionProvider(getNonManagedTXDataSource(),
				provider(nonTransactional::getConnection));
	}

	private static ConnectionProvider provider(ConnectionSource source) {
		return new ConnectionProvider() {
			@Override
			public Connection getConnection() throws SQLException {
				return source.get();
			}

			@Override
			public void shutdown() {
				// the pool belongs to Spring
			}

			@Override
			public void initialize() {
			}
		};
	}

	@FunctionalInterface
	private interface ConnectionSource {

		Connection get() throws SQLException;

	}

}
