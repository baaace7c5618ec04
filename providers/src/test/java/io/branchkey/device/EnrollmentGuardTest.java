package io.branchkey.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrollmentGuardTest {

    @Test
    void anIpv4AddressCountsAlone() {
        assertThat(EnrollmentGuard.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(EnrollmentGuard.network("203.0.113.8")).isNotEqualTo(EnrollmentGuard.network("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        String one = EnrollmentGuard.network("2001:db8:1:2:aaaa::1");
        assertThat(one).isEqualTo("20010db800010002::/64");
        assertThat(EnrollmentGuard.network("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("same /64").isEqualTo(one);
        assertThat(EnrollmentGuard.network("2001:0db8:0001:0002::9")).as("another spelling").isEqualTo(one);
        assertThat(EnrollmentGuard.network("2001:db8:1:3::1")).as("the next /64").isNotEqualTo(one);
    }

    @Test
    void whatIsNoAddressIsKeptAsItIs() {
        assertThat(EnrollmentGuard.network(null)).isEqualTo("null");
        assertThat(EnrollmentGuard.network("not:an:address")).isEqualTo("not:an:address");
    }
}
