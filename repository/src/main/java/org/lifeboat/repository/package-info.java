/** See docs/architecture.md for what this module owns and what it may depend on. */
package org.lifeboat.repository;
