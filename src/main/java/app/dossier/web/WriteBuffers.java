package app.dossier.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers leave in writes of {@code dossier.web.write-buffer} bytes, not Tomcat's 8 KiB.
 * Tomcat passes every answer through this one buffer however much the application hands
 * it at once, and on each write the kernel does a packet's work for that many bytes: with
 * 8 KiB a 1 GiB "Download all" archive took about 128,000 writes ({@code strace}) and a
 * page of the document list eight. docs/benchmarks.md has what the larger buffer bought.
 * Whole files on the disk leave through sendfile and never pass through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteBufferSettings.class)
class WriteBuffers {

	@Bean
	TomcatConnectorCustomizer writeBufferSize(WriteBufferSettings settings) {
		return (connector) -> {
			if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(settings.bytes()))) {
				throw new IllegalStateException("Tomcat's connector refused socket.appWriteBufSize");
			}
		};
	}

}
