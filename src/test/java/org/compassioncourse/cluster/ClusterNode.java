package org.compassioncourse.cluster;

import org.compassioncourse.Application;

import java.io.IOException;

/**
 * One application node of {@link ClusterFailoverIT}: the real application ({@link Application#main}) with the
 * arguments it is given, which ends itself when its parent goes away (standard input closes), so that a failed or
 * killed test run leaves no node behind. SIGTERM ({@code Process.destroy()}) still runs Spring's graceful shutdown.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) {
        Thread watchParent = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; end of input means it is gone
                }
            } catch (IOException ignored) {
                // same: no parent
            }
            Runtime.getRuntime().halt(3);
        }, "watch-parent");
        watchParent.setDaemon(true);
        watchParent.start();
        Application.main(args);
    }
}
