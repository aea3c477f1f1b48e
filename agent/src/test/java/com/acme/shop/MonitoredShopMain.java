package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Calls {@link MonitoredShop}, reads its breaker's MBean, forces it open through JMX and calls again. */
public final class MonitoredShopMain {
  private MonitoredShopMain() {}

  public static void main(String[] args) throws Exception {
    MonitoredShop shop = new MonitoredShop();
    for (int i = 0; i < 3; i++) {
      shop.quote("tea");
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName breaker = new ObjectName("io.github.posa4j:type=CircuitBreaker,name="
        + ObjectName.quote("com.acme.shop.MonitoredShop/quote(java.lang.String)"));
    if (!server.isRegistered(breaker)) {
      System.out.println("jmx: no MBean for the breaker");
      return;
    }
    System.out.println("jmx: state " + server.getAttribute(breaker, "State") + ", successful "
        + server.getAttribute(breaker, "SuccessfulCalls") + ", window " + server.getAttribute(breaker, "WindowCalls")
        + " of " + server.getAttribute(breaker, "WindowSize"));
    server.invoke(breaker, "forceOpen", new Object[0], new String[0]);
    System.out.println("jmx: forced " + server.getAttribute(breaker, "State") + ", then " + outcome(() -> shop.quote("tea")));
    server.invoke(breaker, "reset", new Object[0], new String[0]);
    System.out.println("jmx: reset " + server.getAttribute(breaker, "State") + ", then " + outcome(() -> shop.quote("tea"))
        + ", rejected " + server.getAttribute(breaker, "RejectedCalls"));
  }
}
