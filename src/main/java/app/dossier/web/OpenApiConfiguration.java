package app.dossier.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API as one bearer-token API; the token endpoint and signup opt out. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI dossierApi() {
		return new OpenAPI()
			.info(new Info().title("Dossier API")
				.version("v1")
				.description("Secure client document portal. Errors are RFC 9457 application/problem+json. "
						+ "Get a token with POST /api/v1/tokens and send it as Authorization: Bearer <token>."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A Dossier API token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
