package dev.crossnet.core.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.image.PictureTensors;
import java.util.ArrayList;
import java.util.List;

/** Turns pictures and focus masks into the judge's [B, 4, 64, 64] input. */
final class JudgeInputs {

  private JudgeInputs() {}

  static NDArray of(List<Picture> pictures, List<Mask> focus, NDManager manager) {
    List<NDArray> items = new ArrayList<>();
    for (int i = 0; i < pictures.size(); i++) {
      NDArray rgb = PictureTensors.toTensor(pictures.get(i), manager);
      NDArray mask = PictureTensors.toTensor(focus.get(i), manager);
      NDArray both = NDArrays.concat(new NDList(rgb, mask), 1);
      items.add(PictureTensors.resize(both, JudgeNetwork.SIZE, JudgeNetwork.SIZE));
    }
    return NDArrays.concat(new NDList(items), 0);
  }
}
