/**
 * Documents in an S3 bucket (Amazon S3 or a compatible server: MinIO, Ceph, Cloudflare
 * R2, S3Proxy). Object keys read like paths, so a bucket browsed in a console shows the
 * customers' folders. Active when {@code dossier.storage.type=s3}.
 */
@NullMarked
package app.dossier.storage.s3;

import org.jspecify.annotations.NullMarked;
