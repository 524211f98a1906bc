package com.bookstore.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

    @Test
    void gtidListsTravelWithoutCommasOrWhiteSpaceAndComeBackUnchanged() {
        String mysqlSet = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3";
        String token = ConsistencyToken.encode(mysqlSet);
        assertThat(token).doesNotContain(",", " ", "\n");
        assertThat(ConsistencyToken.decode(token)).isEqualTo(mysqlSet.replace("\n", ""));
        assertThat(ConsistencyToken.decode(ConsistencyToken.encode("0-1-42,1-2-7")))
                .isEqualTo("0-1-42,1-2-7");
    }
}
