package org.compassioncourse.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTest {

    @Test
    void citationPutsOneFullStopAfterAuthorsTitleAndSource() {
        assertThat(new Reference("fan2011", "Fan Y, Duncan NW", 2011, "Is there a core neural network in empathy?", "Neurosci Biobehav Rev 2011; 35: 903–11", null)
                .citation()).isEqualTo("Fan Y, Duncan NW. Is there a core neural network in empathy? Neurosci Biobehav Rev 2011; 35: 903–11.");
        assertThat(new Reference("hou2017", "Hou X, Allen TA, Wei D, et al.", 2017, "Trait compassion is associated with the neural substrate", "Sci Rep 2017; 7: 42000", null)
                .citation()).isEqualTo("Hou X, Allen TA, Wei D, et al. Trait compassion is associated with the neural substrate. Sci Rep 2017; 7: 42000.");
    }
}
