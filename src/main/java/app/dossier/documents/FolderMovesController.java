package app.dossier.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving existing client folders to the firm's current platform: the API and the page
 * part.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Storage")
class FolderMovesController {

	private final FolderMoves moves;

	FolderMovesController(FolderMoves moves) {
		this.moves = moves;
	}

	@PostMapping("/api/v1/storage/moves")
	@ResponseBody
	@Operation(summary = "Move every existing client folder to the platform new folders go to (admins): each file"
			+ " is copied and checked against its SHA-256 before a client switches over. Runs in the background;"
			+ " answers 202 with the run.")
	ResponseEntity<FolderMoves.Move> start(CurrentStaff admin) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.moves.start(admin));
	}

	@GetMapping("/api/v1/storage/moves/latest")
	@ResponseBody
	@Operation(summary = "The firm's latest move of client folders, as far as it got (admins)")
	FolderMoves.Move latest(CurrentStaff admin) {
		return this.moves.latest(admin.firmId()).orElseThrow(() -> new NotFoundException("Move"));
	}

	@GetMapping("/settings/storage/moves")
	String status(CurrentStaff admin, Model model) {
		model.addAttribute("move", this.moves.latest(admin.firmId()).orElse(null));
		return "storage/moves :: status";
	}

	@PostMapping("/settings/storage/moves")
	String startFromPage(CurrentStaff admin, RedirectAttributes redirect) {
		try {
			FolderMoves.Move move = this.moves.start(admin);
			redirect.addFlashAttribute("notice",
					(move.clientsTotal() == 0) ? "Every client folder is already on " + move.target().label() + "."
							: "Moving " + move.clientsTotal() + " client folders to " + move.target().label()
									+ ". Customers can keep working meanwhile.");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/settings/storage";
	}

}
