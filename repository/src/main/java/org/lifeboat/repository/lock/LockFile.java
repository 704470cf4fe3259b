package org.lifeboat.repository.lock;

import org.lifeboat.repository.Id;

/**
 * A lock file in the repository and what it says.
 *
 * @param stale whether it is older than the stale limit, or from a dead process on this host
 */
public record LockFile(Id id, LockInfo info, boolean stale) {}
