package app.dossier.storage.accounts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.NotFoundException;
import app.dossier.storage.Platform;
import app.dossier.storage.StoragePlatforms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Storage: where new client folders go, and connecting the firm's own Dropbox
 * or Google Drive with OAuth 2 (authorization code with PKCE; Spring Security builds the
 * request, keeps its state in the session and exchanges the code).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StorageSettingsController {

	private static final Logger log = LoggerFactory.getLogger(StorageSettingsController.class);

	private final StoragePlatforms platforms;

	private final OAuthApps apps;

	private final AccountStore accounts;

	private final ConnectedAccounts connected;

	private final java.time.Clock clock;

	private final HttpSessionOAuth2AuthorizationRequestRepository requests = new HttpSessionOAuth2AuthorizationRequestRepository();

	private final RestClientAuthorizationCodeTokenResponseClient exchange = new RestClientAuthorizationCodeTokenResponseClient();

	StorageSettingsController(StoragePlatforms platforms, OAuthApps apps, AccountStore accounts,
			ConnectedAccounts connected, java.time.Clock clock) {
		this.platforms = platforms;
		this.apps = apps;
		this.accounts = accounts;
		this.connected = connected;
		this.clock = clock;
	}

	@GetMapping("/settings/storage")
	String page(CurrentStaff admin, Model model) {
		Platform installation = this.platforms.installationPlatform();
		model.addAttribute("installation", installation);
		model.addAttribute("current", this.platforms.platformFor(admin.firmId()));
		model.addAttribute("chosen", this.platforms.chosen(admin.firmId()).orElse(installation));
		model.addAttribute("accounts",
				List.of(Platform.DROPBOX, Platform.GOOGLE_DRIVE)
					.stream()
					.map((platform) -> new AccountView(platform, this.apps.configured(platform),
							this.accounts.find(admin.firmId(), platform).orElse(null)))
					.toList());
		return "storage/settings";
	}

	@PostMapping("/settings/storage/platform")
	String choose(CurrentStaff admin, @RequestParam String platform, RedirectAttributes redirect) {
		Optional<Platform> choice = Platform.of(platform);
		if (choice.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose one of the storage platforms offered.");
			return "redirect:/settings/storage";
		}
		if (!choice.get().shared() && !this.platforms.connected(admin.firmId(), choice.get())) {
			redirect.addFlashAttribute("error", "Connect " + choice.get().label() + " before choosing it.");
			return "redirect:/settings/storage";
		}
		this.platforms.choose(admin.firmId(), choice.get());
		redirect.addFlashAttribute("notice",
				"New client folders will be created in " + this.platforms.platformFor(admin.firmId()).label()
						+ ". Existing folders stay where they are" + " until you move them.");
		return "redirect:/settings/storage";
	}

	/**
	 * A plain link, as Spring Security's own OAuth login is: the page's CSP allows forms
	 * to post only to Dossier, and this answer leaves for the platform. It only starts a
	 * flow whose end needs the state kept here.
	 */
	@GetMapping("/settings/storage/connect/{platform}")
	String connect(CurrentStaff admin, @PathVariable String platform, HttpServletRequest request,
			HttpServletResponse response) {
		Platform target = ownAccount(platform);
		ClientRegistration registration = this.apps.registration(target)
			.orElseThrow(() -> new NotFoundException("Storage platform"));
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				new InMemoryClientRegistrationRepository(registration), "/settings/storage/connect");
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen((builder) -> builder.additionalParameters(OAuthApps.offlineParameters(target))));
		OAuth2AuthorizationRequest authorization = Objects
			.requireNonNull(resolver.resolve(request, registration.getRegistrationId()));
		this.requests.saveAuthorizationRequest(authorization, request, response);
		return "redirect:" + authorization.getAuthorizationRequestUri();
	}

	@GetMapping("/settings/storage/connected/{platform}")
	String connected(CurrentStaff admin, @PathVariable String platform, @RequestParam Map<String, String> params,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Platform target = ownAccount(platform);
		OAuth2AuthorizationRequest authorization = this.requests.removeAuthorizationRequest(request, response);
		ClientRegistration registration = this.apps.registration(target).orElse(null);
		if (authorization == null || registration == null
				|| !target.id()
					.equals(authorization.getAttribute(
							org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames.REGISTRATION_ID))) {
			redirect.addFlashAttribute("error", "That connection attempt is no longer valid. Please start again.");
			return "redirect:/settings/storage";
		}
		if (params.containsKey("error") || !params.containsKey("code")) {
			redirect.addFlashAttribute("error", target.label() + " was not connected"
					+ ("access_denied".equals(params.get("error")) ? ": access was not allowed." : "."));
			return "redirect:/settings/storage";
		}
		OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success(params.get("code"))
			.redirectUri(authorization.getRedirectUri())
			.state(params.get("state"))
			.build();
		try {
			OAuth2AccessTokenResponse tokens = this.exchange.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
					registration, new OAuth2AuthorizationExchange(authorization, answer)));
			String refresh = (tokens.getRefreshToken() != null) ? tokens.getRefreshToken().getTokenValue() : null;
			this.accounts.save(new Account(admin.firmId(), target, accountName(tokens),
					tokens.getAccessToken().getTokenValue(), refresh, tokens.getAccessToken().getExpiresAt(),
					Account.Status.CONNECTED, admin.staffId(), this.clock.instant()));
			this.connected.forget(admin.firmId(), target);
			redirect.addFlashAttribute("notice",
					target.label() + " is connected. Choose it below to keep new" + " client folders there.");
		}
		catch (OAuth2AuthorizationException ex) {
			log.warn("Connecting {} for firm {} failed: {}", target.id(), admin.firmId(), ex.getError().getErrorCode());
			redirect.addFlashAttribute("error", target.label() + " was not connected: it refused the request ("
					+ ex.getError().getErrorCode() + "). Please try again.");
		}
		return "redirect:/settings/storage";
	}

	@PostMapping("/settings/storage/disconnect/{platform}")
	String disconnect(CurrentStaff admin, @PathVariable String platform, RedirectAttributes redirect) {
		Platform target = ownAccount(platform);
		if (this.platforms.chosen(admin.firmId()).filter(target::equals).isPresent()) {
			this.platforms.choose(admin.firmId(), this.platforms.installationPlatform());
		}
		this.accounts.delete(admin.firmId(), target);
		this.connected.forget(admin.firmId(), target);
		redirect.addFlashAttribute("notice", target.label() + " is disconnected. Files already there stay there;"
				+ " Dossier cannot reach them until it is connected again.");
		return "redirect:/settings/storage";
	}

	private static @Nullable String accountName(OAuth2AccessTokenResponse tokens) {
		Object account = tokens.getAdditionalParameters().get("account_id");
		return (account != null) ? account.toString() : null;
	}

	private static Platform ownAccount(String id) {
		return Platform.of(id)
			.filter((platform) -> !platform.shared())
			.orElseThrow(() -> new NotFoundException("Storage platform"));
	}

	record AccountView(Platform platform, boolean available, @Nullable Account account) {

		public boolean connected() {
			return this.account != null && this.account.status() == Account.Status.CONNECTED;
		}

		public boolean lost() {
			return this.account != null && this.account.status() == Account.Status.REVOKED;
		}

	}

}
