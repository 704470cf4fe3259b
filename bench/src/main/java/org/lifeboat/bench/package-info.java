/** JMH benchmarks; run them with bench/run-jmh.sh. Side-by-side scripts live in bench/ beside this module. */
package org.lifeboat.bench;
