package app.dossier.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class WriteBuffersIT {

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void answersLeaveInWritesOfThirtyTwoKibibytesOnAtMostFourThousandConnections() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
		assertThat(connector.getProperty("maxConnections")).hasToString("4096");
	}

}
