package app.dossier.clients;

import java.util.List;

/** One page of a client list, each with its number of documents. */
public record ClientPage(List<Listed> items, int page, int pageSize, long total) {

	public boolean hasNext() {
		return (long) (this.page + 1) * this.pageSize < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public record Listed(Client client, long documents, long newDocuments) {
	}

}
